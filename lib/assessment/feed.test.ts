import { describe, expect, it } from 'vitest';
import { countyFeed, type AssessmentInputs } from './feed';

const base: AssessmentInputs = {
  enrolled: 950, shouldEnroll: 1000, enrolledLastYear: 900, shouldEnrollLastYear: 1000, povertyEnrolled: 10, povertyShouldEnroll: 10,
  due: 100, collected: 98, subsidyDue: 50, subsidyCollected: 45, countySubsidyDue: 20, countySubsidyCollected: 18,
  incomeYtd: 1, expenseYtd: 1, incomePlan: 12, expensePlan: 12, allVisits: 10, primaryVisits: 6, allAdmissions: 4, inCountyAdmissions: 3,
  residents: 100, signed: 50, claimsSettled: 10, claimsOnTime: 9, policyRangeCost: 10, policyRangeFundPaid: 7, institutionsActive: 5,
  institutionsInspected: 5, institutionsWithViolations: 1, amountRefused: 0, amountRecovered: 0, remittances: 12, remittancesOnTime: 12,
  remittanceDueAmount: 10, remittedAmount: 10, totalDelayDays: 0, unificationOverdue: 0,
};
const ctx = { asOf: 202412 };
const values = (f: ReturnType<typeof countyFeed>[string]) => f.evidence.map((e) => e.value);

describe('assessment feed: missing inputs stay missing', () => {
  it('a county without county-level subsidy rows has no delivery rate and no 0 元 delivered', () => {
    const f = countyFeed(['subsidy_delivery_rate'], { ...base, countySubsidyDue: null, countySubsidyCollected: null }, ctx).subsidy_delivery_rate;
    expect(f.value).toBeNull();
    expect(values(f).slice(0, 2)).toEqual([null, null]);
  });
  it('a subsidy due and nothing delivered is a real 0%', () => {
    const f = countyFeed(['subsidy_delivery_rate'], { ...base, countySubsidyDue: 20, countySubsidyCollected: 0 }, ctx).subsidy_delivery_rate;
    expect(f.value).toBe(0);
    expect(values(f).slice(0, 2)).toEqual([0, 20]);
  });
  it('no enrolment a year earlier: the coverage change is missing, not measured against 0', () => {
    const f = countyFeed(['coverage_rate_change'], { ...base, enrolledLastYear: null, shouldEnrollLastYear: null }, ctx).coverage_rate_change;
    expect(f.value).toBeNull();
    expect(values(f).slice(1)).toEqual([null, null, null]);
    const g = countyFeed(['coverage_rate_change'], base, ctx).coverage_rate_change;
    expect(g.value).toBeCloseTo(0.05, 12);
  });
});

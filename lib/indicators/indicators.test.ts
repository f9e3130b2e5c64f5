// Hand-worked values for the indicator formulas (numbers chosen so the arithmetic can be checked by eye).

import { describe, expect, it } from 'vitest';
import { periodRange, trailing12 } from './compute';
import { indicators as I } from './registry';
import { indicatorStatus, indicatorStatusDetail } from './status';

describe('collection 扩面征缴', () => {
  it('coverage_rate: 950 / 1000 = 95.0% meets the 95% target; 0 should-enrol → null', () => {
    expect(I.coverage_rate.compute({ enrolled: 950, shouldEnroll: 1000 })).toBe(0.95);
    expect(indicatorStatus(I.coverage_rate, 0.95)).toBe('good');
    expect(I.coverage_rate.compute({ enrolled: 950, shouldEnroll: 0 })).toBeNull();
    expect(I.coverage_rate.compute({ enrolled: null, shouldEnroll: 1000 })).toBeNull();
  });

  it('poverty_coverage_rate: 22 860 of 23 000 = 99.39% ≥ 99%', () => {
    const v = I.poverty_coverage_rate.compute({ povertyEnrolled: 22_860, povertyShouldEnroll: 23_000 });
    expect(v).toBeCloseTo(0.993913, 6);
    expect(indicatorStatus(I.poverty_coverage_rate, v)).toBe('good');
    expect(indicatorStatus(I.poverty_coverage_rate, 0.95)).toBe('warn'); // 0.99 × 0.95 = 0.9405
  });

  it('duplicate_enrollment_rate: 300 / 600 000 = 0.05%', () => {
    expect(I.duplicate_enrollment_rate.compute({ duplicates: 300, enrolled: 600_000 })).toBeCloseTo(0.0005, 12);
    expect(I.duplicate_enrollment_rate.compute({ duplicates: 300, enrolled: 0 })).toBeNull();
  });

  it('collection_rate: 9 604万 / 9 800万 = 98%; subsidy_delivery_rate county 4 500 / 5 000 = 90% → bad', () => {
    expect(I.collection_rate.compute({ collected: 96_040_000, due: 98_000_000 })).toBeCloseTo(0.98, 12);
    const v = I.subsidy_delivery_rate.compute({ subsidyCollected: 45_000_000, subsidyDue: 50_000_000 });
    expect(v).toBe(0.9);
    expect(indicatorStatus(I.subsidy_delivery_rate, v)).toBe('bad');
    expect(indicatorStatus(I.subsidy_delivery_rate, 0.96)).toBe('warn');
    expect(I.subsidy_gap.compute({ subsidyDue: 50_000_000, subsidyCollected: 45_000_000 })).toBe(5_000_000);
    expect(I.collection_gap.compute({ due: 98_000_000, collected: 96_040_000 })).toBe(1_960_000);
  });

  it('resident_contribution_gap: Hunan 2022 320 − national 350 = −30 元 → bad (益阳市医疗保障局答复)', () => {
    const v = I.resident_contribution_gap.compute({ standard: 320, nationalMinimum: 350 });
    expect(v).toBe(-30);
    expect(indicatorStatus(I.resident_contribution_gap, v)).toBe('bad');
    expect(indicatorStatus(I.resident_contribution_gap, 0)).toBe('good');
  });

  it('subsidy_per_capita: 3.66亿 over 600 000 enrolled = 610 元/人', () => {
    expect(I.subsidy_per_capita.compute({ subsidyCollected: 366_000_000, enrolled: 600_000 })).toBe(610);
    expect(I.subsidy_per_capita.compute({ subsidyCollected: 366_000_000, enrolled: 0 })).toBeNull();
  });

  it('subsidy_individual_ratio: 535 / 280 = 1.91 : 1 (益阳市医疗保障局答复, Hunan 2021)', () => {
    expect(I.subsidy_individual_ratio.compute({ subsidyStandard: 535, individualStandard: 280 })).toBeCloseTo(1.91, 2);
  });

  it('contribution_income_share: 350 / 36 883 = 0.95% (医保函〔2023〕73号, 2022)', () => {
    const v = I.contribution_income_share.compute({ individualStandard: 350, disposableIncome: 36_883 });
    expect(v).toBeCloseTo(0.0095, 4);
  });

  it('enrollment_yoy: 1000 → 980 is −2.0% (warn edge), → 970 is −3% (bad), → 1010 good', () => {
    const yoy = (now: number) => I.enrollment_yoy.compute({ enrolled: now, enrolledLastYear: 1000 });
    expect(yoy(980)).toBeCloseTo(-0.02, 12);
    expect(indicatorStatusDetail(I.enrollment_yoy, yoy(980))).toMatchObject({ status: 'warn', label: '下降' });
    expect(indicatorStatus(I.enrollment_yoy, yoy(970))).toBe('bad');
    expect(indicatorStatus(I.enrollment_yoy, yoy(1000))).toBe('good');
    expect(indicatorStatus(I.enrollment_yoy, yoy(1010))).toBe('good');
    expect(I.enrollment_yoy.compute({ enrolled: 980, enrolledLastYear: 0 })).toBeNull();
  });
});

describe('budget 基金预算管理', () => {
  // annual plan 1200万; as of 2024-03 the 序时进度 is 3/12 = 25%
  const plan = 12_000_000;

  it('execution rate 330万 / 1200万 = 27.5%, 序时进度 25%, deviation +2.5pp', () => {
    expect(I.income_execution_rate.compute({ ytdActual: 3_300_000, annualPlan: plan })).toBeCloseTo(0.275, 12);
    expect(I.expense_execution_rate.compute({ ytdActual: 3_300_000, annualPlan: plan })).toBeCloseTo(0.275, 12);
    expect(I.time_progress.compute({ asOfMonth: 202403 })).toBe(0.25);
    expect(I.time_progress.compute({ asOfMonth: 3 })).toBe(0.25);
    const dev = I.expense_execution_deviation.compute({ ytdActual: 3_300_000, annualPlan: plan, asOfMonth: 202403 });
    expect(dev).toBeCloseTo(0.025, 12);
    expect(indicatorStatus(I.expense_execution_deviation, dev)).toBe('good');
    const inc = I.income_execution_deviation.compute({ ytdActual: 3_300_000, annualPlan: plan, asOfMonth: 202403 });
    expect(indicatorStatus(I.income_execution_deviation, inc)).toBe('good');
  });

  it('expense over-execution: 350万 → +4.17pp warn, 360万 → +5.0pp bad (edge)', () => {
    const dev = (ytd: number) => I.expense_execution_deviation.compute({ ytdActual: ytd, annualPlan: plan, asOfMonth: 202403 });
    expect(dev(3_500_000)).toBeCloseTo(0.041667, 6);
    expect(indicatorStatus(I.expense_execution_deviation, dev(3_500_000))).toBe('warn');
    expect(dev(3_600_000)).toBeCloseTo(0.05, 12);
    expect(indicatorStatus(I.expense_execution_deviation, dev(3_600_000))).toBe('bad');
    // under-spending is not flagged for expense
    expect(indicatorStatus(I.expense_execution_deviation, dev(1_200_000))).toBe('good');
  });

  it('income under-execution: 240万 → −5.0pp warn (edge), 230万 → −5.83pp bad, 290万 → −0.83pp good', () => {
    const dev = (ytd: number) => I.income_execution_deviation.compute({ ytdActual: ytd, annualPlan: plan, asOfMonth: 202403 });
    expect(dev(2_400_000)).toBeCloseTo(-0.05, 12);
    expect(indicatorStatus(I.income_execution_deviation, dev(2_400_000))).toBe('warn');
    expect(indicatorStatus(I.income_execution_deviation, dev(2_300_000))).toBe('bad');
    expect(indicatorStatus(I.income_execution_deviation, dev(2_900_000))).toBe('good');
    // over-collection of income is fine
    expect(indicatorStatus(I.income_execution_deviation, dev(6_000_000))).toBe('good');
  });

  it('deviation against a seasonal profile instead of 序时进度 when expectedProgress is given', () => {
    const dev = I.expense_execution_deviation.compute({ ytdActual: 3_300_000, annualPlan: plan, asOfMonth: 202403, expectedProgress: 0.3 });
    expect(dev).toBeCloseTo(-0.025, 12);
  });

  it('null on a zero plan or a missing as-of month', () => {
    expect(I.income_execution_rate.compute({ ytdActual: 3_300_000, annualPlan: 0 })).toBeNull();
    expect(I.income_execution_deviation.compute({ ytdActual: 3_300_000, annualPlan: 0, asOfMonth: 202403 })).toBeNull();
    expect(I.income_execution_deviation.compute({ ytdActual: 3_300_000, annualPlan: plan, asOfMonth: null })).toBeNull();
    expect(I.time_progress.compute({ asOfMonth: 202413 })).toBeNull();
  });

  it('current and accumulated balance', () => {
    const cur = I.current_balance.compute({ income: 8_000_000, expense: 9_500_000 });
    expect(cur).toBe(-1_500_000);
    expect(indicatorStatusDetail(I.current_balance, cur)).toMatchObject({ status: 'bad', label: '当期赤字' });
    expect(indicatorStatus(I.current_balance, 0)).toBe('good');
    expect(I.accumulated_balance.compute({ cityPool: 90_000_000, legacyBalances: 30_000_000 })).toBe(120_000_000);
    expect(I.accumulated_balance.compute({ cityPool: 90_000_000, legacyBalances: null })).toBeNull();
  });
});

describe('risk 基金运行风险', () => {
  it('months_of_reserve: 1.2亿 ÷ (2.4亿 ÷ 12) = 6.0 months, 合理', () => {
    // trailing 12 months of 2 000万 expense each = 2.4亿
    const expense = periodRange(202304, 202403).map((period) => ({ period, value: 20_000_000 }));
    const t12 = trailing12(expense, 202403);
    expect(t12).toBe(240_000_000);
    const v = I.months_of_reserve.compute({ accumulatedBalance: 120_000_000, trailing12Expense: t12 });
    expect(v).toBe(6);
    expect(indicatorStatusDetail(I.months_of_reserve, v)).toMatchObject({ status: 'good', label: '合理' });
  });

  it('months_of_reserve: 0.9亿 → 4.5 months 不足; 0.5亿 → 2.5 months 严重不足; zero expense → null', () => {
    const m = (b: number) => I.months_of_reserve.compute({ accumulatedBalance: b, trailing12Expense: 240_000_000 });
    expect(m(90_000_000)).toBe(4.5);
    expect(indicatorStatus(I.months_of_reserve, m(90_000_000))).toBe('warn');
    expect(m(50_000_000)).toBeCloseTo(2.5, 12);
    expect(indicatorStatus(I.months_of_reserve, m(50_000_000))).toBe('bad');
    expect(m(320_000_000)).toBe(16);
    expect(indicatorStatusDetail(I.months_of_reserve, m(320_000_000)).label).toBe('过多');
    expect(I.months_of_reserve.compute({ accumulatedBalance: 120_000_000, trailing12Expense: 0 })).toBeNull();
  });

  it('growth rates and their gap: expense +12%, income +5% → +7pp bad', () => {
    const eg = I.expense_growth_rate.compute({ trailing12Expense: 268_800_000, trailing12ExpenseLastYear: 240_000_000 });
    const ig = I.income_growth_rate.compute({ trailing12Income: 262_500_000, trailing12IncomeLastYear: 250_000_000 });
    expect(eg).toBeCloseTo(0.12, 12);
    expect(ig).toBeCloseTo(0.05, 12);
    const gap = I.expense_income_growth_gap.compute({ expenseGrowth: eg, incomeGrowth: ig });
    expect(gap).toBeCloseTo(0.07, 12);
    expect(indicatorStatus(I.expense_income_growth_gap, gap)).toBe('bad');
    expect(I.expense_income_growth_gap.compute({ expenseGrowth: eg, incomeGrowth: null })).toBeNull();
  });
});

describe('tiered care 分级诊疗', () => {
  it('primary_visit_share: 6 500 / 10 000 = 65% good; 62% warn; 60% bad; no visits → null', () => {
    const v = (p: number) => I.primary_visit_share.compute({ primaryVisits: p, allVisits: 10_000 });
    expect(v(6_500)).toBe(0.65);
    expect(indicatorStatus(I.primary_visit_share, v(6_500))).toBe('good');
    expect(indicatorStatus(I.primary_visit_share, v(6_200))).toBe('warn'); // ≥ 0.65 × 0.95 = 0.6175
    expect(indicatorStatus(I.primary_visit_share, v(6_000))).toBe('bad');
    expect(I.primary_visit_share.compute({ primaryVisits: 0, allVisits: 0 })).toBeNull();
  });

  it('in_county_rate: 1 800 / 2 000 = 90% good; 86% warn; 85% bad; no admissions → null', () => {
    const v = (n: number) => I.in_county_rate.compute({ inCountyAdmissions: n, allAdmissions: 2_000 });
    expect(v(1_800)).toBe(0.9);
    expect(indicatorStatus(I.in_county_rate, v(1_800))).toBe('good');
    expect(v(1_720)).toBe(0.86);
    expect(indicatorStatus(I.in_county_rate, v(1_720))).toBe('warn'); // ≥ 0.9 × 0.95 = 0.855
    expect(indicatorStatus(I.in_county_rate, v(1_700))).toBe('bad');
    expect(I.in_county_rate.compute({ inCountyAdmissions: 0, allAdmissions: 0 })).toBeNull();
  });

  it('shares of admissions, cost per visit, fund payment ratio', () => {
    expect(I.out_of_city_share.compute({ outOfCityAdmissions: 120, allAdmissions: 2_000 })).toBe(0.06);
    expect(I.city_admission_share.compute({ cityAdmissions: 300, allAdmissions: 2_000 })).toBe(0.15);
    expect(I.cost_per_visit.compute({ totalCost: 15_600_000, visits: 2_000 })).toBe(7_800);
    expect(I.cost_per_visit.compute({ totalCost: 15_600_000, visits: 0 })).toBeNull();
    expect(I.fund_payment_ratio.compute({ fundPaid: 10_920_000, totalCost: 15_600_000 })).toBeCloseTo(0.7, 12);
  });

  it('referral_down_growth: 550 on 500 = +10% meets target; 520 = +4% bad', () => {
    const g = (n: number) => I.referral_down_growth.compute({ down: n, downLastYear: 500 });
    expect(g(550)).toBeCloseTo(0.1, 12);
    expect(indicatorStatus(I.referral_down_growth, g(550))).toBe('good');
    expect(indicatorStatus(I.referral_down_growth, g(520))).toBe('bad');
    expect(I.referral_down_growth.compute({ down: 50, downLastYear: 0 })).toBeNull();
  });

  it('signing rates: 30 000 / 100 000 = 30%; key populations 12 000 / 20 000 = 60%', () => {
    const s = I.family_doctor_signing_rate.compute({ signed: 30_000, residents: 100_000 });
    expect(s).toBe(0.3);
    expect(indicatorStatus(I.family_doctor_signing_rate, s)).toBe('good');
    const k = I.key_population_signing_rate.compute({ keySigned: 12_000, keyPopulation: 20_000 });
    expect(k).toBe(0.6);
    expect(indicatorStatus(I.key_population_signing_rate, k)).toBe('good');
    expect(indicatorStatus(I.key_population_signing_rate, 0.5)).toBe('bad');
  });
});

describe('benefit, supervision, remittance', () => {
  it('settlement_timeliness_rate and policy_reimbursement_ratio', () => {
    expect(I.settlement_timeliness_rate.compute({ claimsOnTime: 4_900, claimsSettled: 5_000 })).toBe(0.98);
    const r = I.policy_reimbursement_ratio.compute({ fundPaidWithinPolicy: 6_800_000, policyRangeCost: 10_000_000 });
    expect(r).toBe(0.68);
    expect(indicatorStatus(I.policy_reimbursement_ratio, r)).toBe('warn'); // ≥ 0.70 × 0.95 = 0.665
    expect(I.policy_reimbursement_ratio.compute({ fundPaidWithinPolicy: 0, policyRangeCost: 0 })).toBeNull();
  });

  it('assistance_per_case: 57 601 100 元 over 228 600 cases ≈ 251.97 元', () => {
    expect(I.assistance_per_case.compute({ assistanceAmount: 57_601_100, assistanceCases: 228_600 })).toBeCloseTo(251.97, 2);
    expect(I.assistance_per_case.compute({ assistanceAmount: 100, assistanceCases: 0 })).toBeNull();
  });

  it('violation_rate, inspection coverage, recovery_amount', () => {
    expect(I.violation_rate.compute({ institutionsWithViolations: 12, institutionsInspected: 80 })).toBe(0.15);
    expect(I.violation_rate.compute({ institutionsWithViolations: 0, institutionsInspected: 0 })).toBeNull();
    expect(I.inspection_coverage_rate.compute({ institutionsInspected: 80, institutionsActive: 100 })).toBe(0.8);
    expect(I.recovery_amount.compute({ amountRefused: 250_000, amountRecovered: 1_250_000 })).toBe(1_500_000);
  });

  it('remittance: 11 of 12 on time = 91.7% bad; average delay 18 days / 12 = 1.5 days warn', () => {
    const t = I.remittance_timeliness_rate.compute({ onTime: 11, total: 12 });
    expect(t).toBeCloseTo(0.916667, 6);
    expect(indicatorStatus(I.remittance_timeliness_rate, t)).toBe('bad'); // < 1.0 × 0.95
    expect(indicatorStatus(I.remittance_timeliness_rate, 1)).toBe('good');
    const d = I.remittance_avg_delay.compute({ totalDelayDays: 18, remittances: 12 });
    expect(d).toBe(1.5);
    expect(indicatorStatus(I.remittance_avg_delay, d)).toBe('warn');
    expect(I.remittance_avg_delay.compute({ totalDelayDays: 0, remittances: 0 })).toBeNull();
    expect(I.remittance_completion_rate.compute({ remittedAmount: 95_000_000, dueAmount: 100_000_000 })).toBe(0.95);
  });
});

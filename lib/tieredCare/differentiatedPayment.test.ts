import { describe, expect, it } from 'vitest';
import { checkPaymentOrder, paymentByLevel, paymentFlags } from './differentiatedPayment';
import type { UtilizationCell } from './series';

describe('checkPaymentOrder (基层 > 县级 > 市级)', () => {
  it('holds when the fund payment ratio falls with the level', () => {
    expect(checkPaymentOrder({ PRIMARY: 0.6, COUNTY: 0.5, CITY: 0.4 })).toEqual({ holds: true, violations: [] });
  });
  it('flags a county hospital paying less than a city hospital (安平市 after pooling)', () => {
    const r = checkPaymentOrder({ PRIMARY: 0.51, COUNTY: 0.305, CITY: 0.32 });
    expect(r.holds).toBe(false);
    expect(r.violations).toEqual([{ higher: 'COUNTY', lower: 'CITY', higherRatio: 0.305, lowerRatio: 0.32 }]);
  });
  it('treats equal ratios as a violation and reports every broken pair', () => {
    const r = checkPaymentOrder({ PRIMARY: 0.4, COUNTY: 0.4, CITY: 0.5 });
    expect(r.violations.map((v) => `${v.higher}>${v.lower}`)).toEqual(['PRIMARY>COUNTY', 'COUNTY>CITY']);
  });
  it('skips a missing level and compares its neighbours; fewer than two levels → null', () => {
    expect(checkPaymentOrder({ COUNTY: 0.8, CITY: 0.85 }).holds).toBe(false); // maternity has no primary care
    expect(checkPaymentOrder({ PRIMARY: 0.6, CITY: 0.4, OUT_OF_CITY: 0.9 }).holds).toBe(true); // 市外 is not in the rule
    expect(checkPaymentOrder({ CITY: 0.4 })).toEqual({ holds: null, violations: [] });
  });
});

describe('paymentByLevel / paymentFlags', () => {
  const cell = (region: string, period: number, visitType: UtilizationCell['visitType'], level: UtilizationCell['level'], visits: number, totalCost: number, fundPaid: number): UtilizationCell => ({
    region, period, visitType, level, inCounty: level !== 'CITY', visits, totalCost, fundPaid, referralsUp: 0, referralsDown: 0,
  });
  const cells = [
    // 2019: 安平 outpatient ordered 50% > 40% > 30%
    cell('A', 201903, 'OUTPATIENT', 'PRIMARY', 100, 3_000, 1_500),
    cell('A', 201903, 'OUTPATIENT', 'COUNTY', 100, 10_000, 4_000),
    cell('A', 201903, 'OUTPATIENT', 'CITY', 100, 20_000, 6_000),
    // 2020: county falls to 28% < city 32%
    cell('A', 202003, 'OUTPATIENT', 'PRIMARY', 100, 3_000, 1_500),
    cell('A', 202003, 'OUTPATIENT', 'COUNTY', 100, 10_000, 2_800),
    cell('A', 202003, 'OUTPATIENT', 'CITY', 100, 20_000, 6_400),
    // B 2020: fine
    cell('B', 202003, 'OUTPATIENT', 'PRIMARY', 100, 3_000, 1_500),
    cell('B', 202003, 'OUTPATIENT', 'COUNTY', 100, 10_000, 4_000),
    cell('B', 202003, 'OUTPATIENT', 'CITY', 10, 2_000, 1_900), // too few visits to judge: skipped
  ];
  const rows = paymentByLevel(cells, 'C');

  it('computes the registry ratios per region, year and visit type, and a city row summing the counties', () => {
    const a20 = rows.find((r) => r.region === 'A' && r.year === 2020)!;
    expect(a20.levels.find((l) => l.level === 'COUNTY')!.fundPaymentRatio).toBeCloseTo(0.28, 12);
    expect(a20.levels.find((l) => l.level === 'CITY')!.costPerVisit).toBeCloseTo(200, 12);
    expect(a20.check.holds).toBe(false);
    const c20 = rows.find((r) => r.region === 'C' && r.year === 2020)!;
    expect(c20.levels.find((l) => l.level === 'COUNTY')!.fundPaymentRatio).toBeCloseTo(6_800 / 20_000, 12);
    expect(rows.find((r) => r.region === 'B' && r.year === 2020)!.check.holds).toBe(true);
  });

  it('flags the region-years where any visit type breaks the order', () => {
    const flags = paymentFlags(rows);
    expect(flags.find((f) => f.region === 'A' && f.year === 2019)!.holds).toBe(true);
    const a20 = flags.find((f) => f.region === 'A' && f.year === 2020)!;
    expect(a20.holds).toBe(false);
    expect(a20.failing).toEqual([{ visitType: 'OUTPATIENT', violations: [{ higher: 'COUNTY', lower: 'CITY', higherRatio: 0.28, lowerRatio: 0.32 }] }]);
  });
});

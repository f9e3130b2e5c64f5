// Hand-worked cases for the county-level rules, at every band edge.
import type { Point } from '../types';
import { describe, expect, it } from 'vitest';
import { key } from '../data';
import { COUNTY, dataset, months } from '../testFixtures';
import { admissionOutflowRule, budgetDeviationRule, collectionDropRule, coverageDropRule, subsidyShortfallRule, versionInForce } from './county';

const at = (series: { points: Point[] }, period: number) => series.points.find((p) => p.period === period)!;
const plan = (year: number, seq: number, approvedOn: string, income: number, expense: number) => ({
  year, seq, approvedOn, docNo: `测〔${year}〕${seq}号`, plan: new Map([[key(COUNTY, 'EMPLOYEE'), { income, expense }]]),
});

describe('budget_deviation 预算执行偏差', () => {
  // Plan 1,200 a year. January and February 100 each; March decides: YTD ÷ 1,200 − 3/12 (序时进度, no earlier year).
  function devAtMarch(march: number, direction: 'expense' | 'income') {
    const d = dataset();
    const flow = months(202401, 3, (i) => (i < 2 ? 100 : march));
    d.flows.set(key(COUNTY, 'EMPLOYEE'), direction === 'expense' ? { income: new Map(), expense: flow } : { income: flow, expense: new Map() });
    d.budgets = [plan(2024, 0, '2024-01-15', 1200, 1200)];
    const s = budgetDeviationRule.evaluate(d, budgetDeviationRule.defaults).find((x) => x.key.endsWith(direction))!;
    return at(s, 202403);
  }
  it.each([
    [136, 0.03, 'WARNING'], // 336/1200 = 28% vs 25%: +3.0 points, lower bound inclusive
    [135.9, 0.029917, null],
    [160, 0.05, 'SEVERE'],
    [159.9, 0.049917, 'WARNING'],
  ])('expense: March %f → deviation %f → %s', (march, dev, severity) => {
    const p = devAtMarch(march, 'expense');
    expect(p.value).toBeCloseTo(dev, 6);
    expect(p.severity).toBe(severity);
  });
  it.each([
    [64, -0.03, null], // 264/1200 = 22% vs 25%: −3.0 points is the edge, not yet 滞后
    [63.88, -0.0301, 'WARNING'],
    [40, -0.05, 'WARNING'],
    [39.88, -0.0501, 'SEVERE'],
  ])('income: March %f → deviation %f → %s', (march, dev, severity) => {
    const p = devAtMarch(march, 'income');
    expect(p.value).toBeCloseTo(dev, 6);
    expect(p.severity).toBe(severity);
  });

  it('uses the seasonal profile of earlier years instead of 序时进度 when there is one', () => {
    // 2023: half the year's expense fell in January–March (600 of 1,200) → expected progress at March = 50%.
    const d = dataset();
    const expense = new Map([...months(202301, 12, (i) => (i < 3 ? 200 : 600 / 9)), ...months(202401, 3, () => 212)]);
    d.flows.set(key(COUNTY, 'EMPLOYEE'), { income: new Map(), expense });
    d.budgets = [plan(2023, 0, '2023-01-10', 1200, 1200), plan(2024, 0, '2024-01-15', 1200, 1200)];
    const s = budgetDeviationRule.evaluate(d, budgetDeviationRule.defaults).find((x) => x.key.endsWith('expense'))!;
    const p = at(s, 202403);
    expect(p.value).toBeCloseTo(636 / 1200 - 0.5, 10); // 53% − 50% = +3.0 points
    expect(p.severity).toBe('WARNING');
    expect(p.inputs.find((i) => i.label.startsWith('季节性进度'))?.value).toBeCloseTo(0.5, 12);
  });

  it('an adjustment applies from the month it was approved, never earlier', () => {
    const budgets = [plan(2023, 0, '2023-01-10', 1, 1), plan(2023, 1, '2023-08-18', 2, 2)];
    expect(versionInForce(budgets, 202307)?.seq).toBe(0);
    expect(versionInForce(budgets, 202308)?.seq).toBe(1);
    expect(versionInForce(budgets, 202401)).toBeNull();
  });
});

describe('coverage_drop 参保率下降', () => {
  // Coverage 96.0% a year earlier; this year 95.0 / 94.9 / 94.0 / 93.9%.
  const d = dataset();
  d.enrollment.set(key(COUNTY, 'RESIDENT'), new Map([
    ...[202301, 202302, 202303, 202304].map((p) => [p, { enrolled: 960, shouldEnroll: 1000 }] as const),
    [202401, { enrolled: 950, shouldEnroll: 1000 }], [202402, { enrolled: 949, shouldEnroll: 1000 }],
    [202403, { enrolled: 940, shouldEnroll: 1000 }], [202404, { enrolled: 939, shouldEnroll: 1000 }],
  ]));
  const [s] = coverageDropRule.evaluate(d, coverageDropRule.defaults);
  it.each([
    [202401, -0.01, null], // a fall of exactly 1 point is not "more than 1 point"
    [202402, -0.011, 'WARNING'],
    [202403, -0.02, 'WARNING'],
    [202404, -0.021, 'SEVERE'],
  ])('%i: change %f → %s', (period, change, severity) => {
    expect(at(s, period).value).toBeCloseTo(change, 12);
    expect(at(s, period).severity).toBe(severity);
  });
  it('needs the same month a year earlier', () => expect(s.points.map((p) => p.period)).toEqual([202401, 202402, 202403, 202404]));
});

describe('collection_drop 征缴率偏低或下降', () => {
  const d = dataset();
  // Januaries only (year to date = January). Resident: 99.0% → 97.0% (a fall of 2 points) → 96.99% → 94.99%.
  d.contributions.set(key(COUNTY, 'RESIDENT', 'INDIVIDUAL'), new Map([
    [202101, { due: 1000, collected: 990 }], [202201, { due: 1000, collected: 970 }],
    [202301, { due: 1000, collected: 969.9 }], [202401, { due: 1000, collected: 949.9 }],
  ]));
  // Employee: 99.0% → 97.5%: a fall of exactly 1.5 points is not beyond the allowance.
  d.contributions.set(key(COUNTY, 'EMPLOYEE', 'EMPLOYER'), new Map([[202101, { due: 1000, collected: 990 }], [202201, { due: 1000, collected: 975 }]]));
  // Fiscal subsidies have their own rule and never count here.
  d.contributions.set(key(COUNTY, 'RESIDENT', 'SUBSIDY_COUNTY'), new Map([[202201, { due: 1000, collected: 0 }]]));
  const series = collectionDropRule.evaluate(d, collectionDropRule.defaults);
  const res = series.find((s) => s.key === key(COUNTY, 'RESIDENT'))!;
  const emp = series.find((s) => s.key === key(COUNTY, 'EMPLOYEE'))!;

  it('97.0% is not below 97%, but a fall of 2 points from 99.0% is (threshold = last year − 1.5 points)', () => {
    const p = at(res, 202201);
    expect(p.value).toBeCloseTo(0.97, 12);
    expect(p.severity).toBe('WARNING');
    expect(p.threshold).toBeCloseTo(0.975, 12);
  });
  it('96.99% is below 97% (警示); 94.99% below 95% (严重)', () => {
    expect(at(res, 202301)).toMatchObject({ severity: 'WARNING', threshold: 0.97 });
    expect(at(res, 202401)).toMatchObject({ severity: 'SEVERE', threshold: 0.95 });
  });
  it('a fall of exactly 1.5 points raises nothing', () => {
    expect(at(emp, 202201).severity).toBeNull();
  });
});

describe('subsidy_shortfall 财政补助未到位', () => {
  // County subsidy, quarterly: due 1,000 a quarter; delivered 950, 948, 502, 799 → year to date 95.0%, 94.9%, 80.0%, 79.975%.
  const d = dataset();
  d.contributions.set(key(COUNTY, 'RESIDENT', 'SUBSIDY_COUNTY'), new Map([
    [202403, { due: 1000, collected: 950 }], [202406, { due: 1000, collected: 948 }],
    [202409, { due: 1000, collected: 502 }], [202412, { due: 1000, collected: 799 }],
  ]));
  d.lastPeriod = 202412;
  const [s] = subsidyShortfallRule.evaluate(d, subsidyShortfallRule.defaults);
  it.each([
    [202403, 0.95, null],
    [202405, 0.95, null], // months between quarters carry the year-to-date figure
    [202406, 0.949, 'WARNING'],
    [202409, 0.8, 'WARNING'],
    [202412, 0.79975, 'SEVERE'],
  ])('%i: delivered %f → %s', (period, rate, severity) => {
    expect(at(s, period).value).toBeCloseTo(rate, 12);
    expect(at(s, period).severity).toBe(severity);
  });
  it('January and February (nothing due yet) are not evaluated', () => {
    expect(s.points[0].period).toBe(202403);
    expect(at(s, 202412).inputs.find((i) => i.label === '财政补助缺口')?.value).toBeCloseTo(801, 6);
  });
});

describe('admission_outflow 统筹后住院外流', () => {
  // Pooling 2020-01. In 2019, 10 of 100 admissions a month went to city or out-of-city hospitals (10%).
  function outflow(after: number, scheme = 'RESIDENT') {
    const d = dataset();
    d.pooling.set(key(COUNTY, scheme), 202001);
    d.admissions.set(key(COUNTY, scheme), new Map([
      ...[...months(201901, 12, () => 0).keys()].map((p) => [p, { all: 100, city: 8, outOfCity: 2 }] as const),
      ...[...months(202001, 12, () => 0).keys()].map((p) => [p, { all: 100, city: after - 2, outOfCity: 2 }] as const),
    ]));
    return outflowSeries(d, scheme);
  }
  const outflowSeries = (d: ReturnType<typeof dataset>, scheme: string) => admissionOutflowRule.evaluate(d, admissionOutflowRule.defaults).find((s) => s.key === key(COUNTY, scheme))!;
  it.each([
    [13, 0.03, 'WARNING'], // 13% vs 10%: +3.0 points, lower bound inclusive
    [12.9, 0.029, null],
    [15, 0.05, 'SEVERE'],
  ])('%s of 100 admissions a month after pooling → change %s → %s', (after, change, severity) => {
    const p = at(outflow(after), 202012);
    expect(p.value).toBeCloseTo(change, 12);
    expect(p.severity).toBe(severity);
  });
  it('evaluated from the pooling month; the first windows still hold pre-pooling months', () => {
    const s = outflow(13, 'EMPLOYEE');
    expect(s.points[0].period).toBe(202001);
    expect(s.points[0].value).toBeCloseTo((11 * 10 + 13) / 1200 - 0.1, 12); // 11 months at 10% and one at 13%
  });
});

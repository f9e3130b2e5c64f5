import { describe, expect, it } from 'vitest';
import { levelComposition, monthlyTotals, shareIndicators, windowTotals, yearTotals, type UtilizationCell } from './series';

const cell = (region: string, period: number, visitType: UtilizationCell['visitType'], level: UtilizationCell['level'], inCounty: boolean, visits: number): UtilizationCell => ({
  region, period, visitType, level, inCounty, visits, totalCost: 0, fundPaid: 0, referralsUp: 0, referralsDown: 0,
});

describe('monthlyTotals / shareIndicators (hand-worked)', () => {
  // One month of a county: 650 primary + 250 county outpatient visits, 100 admissions: 60 in county, 30 city, 10 out of city.
  const cells = [
    cell('A', 202401, 'OUTPATIENT', 'PRIMARY', true, 650),
    cell('A', 202401, 'OUTPATIENT', 'COUNTY', true, 250),
    cell('A', 202401, 'INPATIENT', 'COUNTY', true, 60),
    cell('A', 202401, 'INPATIENT', 'CITY', false, 30),
    cell('A', 202401, 'INPATIENT', 'OUT_OF_CITY', false, 10),
    cell('B', 202401, 'OUTPATIENT', 'PRIMARY', true, 500),
    cell('B', 202401, 'OUTPATIENT', 'CITY', false, 500),
  ];
  const m = monthlyTotals(cells, 'C');

  it('基层就诊占比 650/1000 = 65%, 县域内就诊率 60/100, 市外 10/100, 市级住院 30/100', () => {
    const s = shareIndicators(m.get('A')!.get(202401)!);
    expect(s).toEqual({ primary_visit_share: 0.65, in_county_rate: 0.6, out_of_city_share: 0.1, city_admission_share: 0.3 });
  });

  it('the city is the sum of its counties; composition by level adds up to 1', () => {
    const city = m.get('C')!.get(202401)!;
    expect(city.allVisits).toBe(2000);
    expect(shareIndicators(city).primary_visit_share).toBeCloseTo(1150 / 2000, 12);
    const comp = levelComposition(city);
    expect(Object.values(comp).reduce((a, b) => a! + b!, 0)).toBeCloseTo(1, 12);
  });

  it('year and window totals; missing months are absent, not zero', () => {
    expect(yearTotals(m.get('A'), 2024)!.allVisits).toBe(1000);
    expect(yearTotals(m.get('A'), 2023)).toBeNull();
    expect(windowTotals(m.get('A'), 202312, 202401)!.allAdmissions).toBe(100);
    expect(windowTotals(m.get('A'), 202302, 202303)).toBeNull();
  });
});

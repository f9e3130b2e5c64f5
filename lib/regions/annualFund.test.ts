// Hand-worked values (numbers chosen so the arithmetic can be checked by eye).
import { describe, expect, it } from 'vitest';
import { annualFundLines, annualSources } from './annualFund';

const row = (schemeCode: string, year: number, income: number, expense: number, balance: number | null, sourceName: string | null = '公报') =>
  ({ schemeCode, year, income, expense, balance, sourceName });

describe('annual fund lines (年度数据)', () => {
  it('当期结余, growth on the previous year and months of reserve come from the registry', () => {
    const lines = annualFundLines([
      row('RESIDENT', 2023, 1320, 1296, 744),
      row('EMPLOYEE', 2022, 2000, 1500, 3000),
      row('RESIDENT', 2022, 1200, 1080, 720),
    ]);
    expect(lines.map((l) => [l.schemeCode, l.year])).toEqual([['EMPLOYEE', 2022], ['RESIDENT', 2022], ['RESIDENT', 2023]]);
    const [emp, r22, r23] = lines;
    expect(r22).toMatchObject({ schemeName: '城乡居民基本医疗保险', income: 1200, expense: 1080, currentBalance: 120, accumulatedBalance: 720, incomeGrowth: null, expenseGrowth: null });
    expect(r22.monthsOfReserve).toBeCloseTo(8, 12); // 720 ÷ (1080 ÷ 12 = 90)
    expect([r22.reserveStatus, r22.reserveLabel]).toEqual(['good', '合理']);
    expect(r23.currentBalance).toBe(24);
    expect(r23.incomeGrowth).toBeCloseTo(0.1, 12); // 1320 ÷ 1200 − 1
    expect(r23.expenseGrowth).toBeCloseTo(0.2, 12); // 1296 ÷ 1080 − 1
    expect(r23.monthsOfReserve).toBeCloseTo(744 / 108, 12);
    expect(emp.monthsOfReserve).toBe(24); // 3000 ÷ 125
    expect([emp.reserveStatus, emp.reserveLabel]).toEqual(['warn', '过多']);
  });

  it('missing stays missing: no balance → no months; a gap year → no growth; a deficit is negative, not 0', () => {
    const [a, b] = annualFundLines([row('EMPLOYEE', 2019, 100, 90, null), row('EMPLOYEE', 2021, 100, 130, -20, null)]);
    expect([a.accumulatedBalance, a.monthsOfReserve, a.reserveStatus, a.reserveLabel]).toEqual([null, null, 'none', '无数据']);
    expect([b.incomeGrowth, b.expenseGrowth]).toEqual([null, null]); // 2020 is not stored
    expect(b.currentBalance).toBe(-30);
    expect(b.monthsOfReserve).toBeCloseTo(-20 / (130 / 12), 12);
    expect(b.reserveStatus).toBe('bad');
  });

  it('lists the sources cited', () => {
    expect(annualSources(annualFundLines([row('EMPLOYEE', 2022, 1, 1, 1, 'A'), row('EMPLOYEE', 2023, 1, 1, 1, 'A'), row('RESIDENT', 2023, 1, 1, 1, null)]))).toEqual(['A']);
  });
});

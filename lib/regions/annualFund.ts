// 年度数据 of one region: per scheme and year, the annual facts and what the indicator registry derives from
// them (当期结余, growth on the previous year, 可支付月数). Pure: the query hands in stored rows.
import { SCHEMES, schemeLabel } from '../domain/codes';
import { indicators as I } from '../indicators/registry';
import { indicatorStatusDetail } from '../indicators/status';
import type { Status } from '../indicators/types';

export interface AnnualFundInput {
  schemeCode: string;
  year: number;
  income: number;
  expense: number;
  balance: number | null;
  sourceName: string | null;
}

export interface AnnualFundLine {
  schemeCode: string;
  schemeName: string;
  year: number;
  income: number | null;
  expense: number | null;
  currentBalance: number | null;
  /** null when the previous year is not stored (a gap is not a zero) */
  incomeGrowth: number | null;
  expenseGrowth: number | null;
  accumulatedBalance: number | null;
  monthsOfReserve: number | null;
  reserveStatus: Status;
  /** '合理', '不足', … or '无数据' */
  reserveLabel: string;
  sourceName: string | null;
}

const schemeOrder = (code: string) => {
  const i = SCHEMES.findIndex((s) => s.code === code);
  return i < 0 ? SCHEMES.length : i;
};

/** Lines by scheme (registry order) then year, ascending. Growth compares with the scheme's previous calendar year only. */
export function annualFundLines(rows: readonly AnnualFundInput[]): AnnualFundLine[] {
  const byKey = new Map(rows.map((r) => [`${r.schemeCode}|${r.year}`, r]));
  return [...rows]
    .sort((a, b) => schemeOrder(a.schemeCode) - schemeOrder(b.schemeCode) || a.schemeCode.localeCompare(b.schemeCode) || a.year - b.year)
    .map((r) => {
      const prev = byKey.get(`${r.schemeCode}|${r.year - 1}`);
      const months = I.annual_months_of_reserve.compute({ balance: r.balance, expense: r.expense });
      const reserve = indicatorStatusDetail(I.annual_months_of_reserve, months);
      return {
        schemeCode: r.schemeCode,
        schemeName: schemeLabel(r.schemeCode),
        year: r.year,
        income: I.annual_fund_income.compute({ income: r.income }),
        expense: I.annual_fund_expense.compute({ expense: r.expense }),
        currentBalance: I.annual_current_balance.compute({ income: r.income, expense: r.expense }),
        incomeGrowth: I.annual_income_growth.compute({ income: r.income, incomeLastYear: prev?.income }),
        expenseGrowth: I.annual_expense_growth.compute({ expense: r.expense, expenseLastYear: prev?.expense }),
        accumulatedBalance: I.annual_accumulated_balance.compute({ balance: r.balance }),
        monthsOfReserve: months,
        reserveStatus: reserve.status,
        reserveLabel: reserve.label,
        sourceName: r.sourceName,
      };
    });
}

/** The distinct sources the lines cite, in order of first appearance. */
export function annualSources(lines: readonly AnnualFundLine[]): string[] {
  return [...new Set(lines.map((l) => l.sourceName).filter((s): s is string => !!s))];
}

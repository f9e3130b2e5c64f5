// Small hand-built datasets for the rule tests: one city, one county, a few months of facts.
import { addMonths, periodRange } from '../indicators/compute';
import { emptyRiskData, key, type RiskData } from './data';

export const CITY = '439900';
export const COUNTY = '439901';

export function dataset(): RiskData {
  const d = emptyRiskData(CITY, '测试市');
  d.regions.set(COUNTY, { code: COUNTY, name: '甲县', shortName: '甲', kind: 'COUNTY', parentCode: CITY });
  d.counties = [COUNTY];
  return d;
}

/** `n` months from `from` with values from `f(i)`. */
export function months(from: number, n: number, f: (i: number, period: number) => number): Map<number, number> {
  return new Map(periodRange(from, addMonths(from, n - 1)).map((p, i) => [p, f(i, p)]));
}

/** A city-pooled fund: income and expense recorded on the county, the balance on the city pool. */
export function withCityFund(d: RiskData, scheme: string, income: Map<number, number>, expense: Map<number, number>, balance: Map<number, number>): RiskData {
  d.flows.set(key(COUNTY, scheme), { income, expense });
  d.balances.set(key(CITY, scheme, 'CITY_POOL'), balance);
  const last = Math.max(...income.keys(), ...expense.keys());
  d.lastPeriod = d.lastPeriod === null ? last : Math.max(d.lastPeriod, last);
  return d;
}

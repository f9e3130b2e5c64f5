// 预算口径 (the budget's basis) for execution rates. The city compiles one budget and hands each county its
// income plan (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三(三)); the budget template
// has an interest line, but a city whose budget plans no income for its own account (e.g. 市级专户利息)
// has actual income outside the plan. An execution rate compares like with like: its numerator is the
// actual income of the (region, scheme) pairs the plan in force has income lines for. 基金收入 and 当期结余
// keep every income row (the fund's whole income, interest included). Pure; every page uses this rule.
import { INCOME_ITEM_CODES } from '../domain/codes';

/** `${regionCode}|${schemeCode}` */
export const planKey = (regionCode: string, schemeCode: string): string => `${regionCode}|${schemeCode}`;

/**
 * The (region, scheme) pairs that have at least one income line in `lines` (the plan in force), as planKey
 * strings. A line of amount 0 still puts the pair on the plan (a planned zero is a plan).
 */
export function plannedIncomeKeys(lines: Iterable<{ regionCode: string; schemeCode: string; item: string }>): Set<string> {
  const keys = new Set<string>();
  for (const l of lines) if (INCOME_ITEM_CODES.includes(l.item)) keys.add(planKey(l.regionCode, l.schemeCode));
  return keys;
}

/** Is an income row of `regionCode`/`schemeCode` on the budget's basis (its pair has income planned)? */
export function onIncomePlanBasis(keys: ReadonlySet<string>, regionCode: string, schemeCode: string): boolean {
  return keys.has(planKey(regionCode, schemeCode));
}

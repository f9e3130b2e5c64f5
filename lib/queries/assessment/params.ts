// The 考核 and 六统一 pages' URL parameters, checked against what exists (an unknown year or county falls back).
import { z } from 'zod';

/** The first assessment year: 从2020年起 (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》五（二）). */
export const FIRST_YEAR = 2020;

export function parseAssessmentParams(params: Record<string, string | string[] | undefined>, years: number[], counties: string[]) {
  const usable = years.filter((y) => y >= FIRST_YEAR);
  const latest = usable[usable.length - 1] ?? years[years.length - 1];
  const year = z.coerce.number().int().refine((y) => usable.includes(y)).catch(latest).parse(params.year);
  const county = z.string().refine((c) => counties.includes(c)).nullable().catch(null).parse(typeof params.county === 'string' ? params.county : null);
  return { year, county, years: usable.length ? usable : years };
}

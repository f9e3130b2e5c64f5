import 'server-only';
// Year-end enrolment snapshots per region (the last month of each year with data), for the duplicate
// series and the enrolment-change table. Facts are monthly snapshots; a year is read at its last month.
import { poolRegionCodes, regionIn } from '../pool';
import type { Db } from '../../db';
import type { SchemeCode } from '../../domain/codes';

export interface YearSnapshot {
  year: number;
  period: number;
  shouldEnroll: number;
  enrolled: number;
  duplicates: number;
}

/** region code → year → snapshot; key `cityCode` holds the sum of the counties (the city's only, lib/queries/pool). */
export async function loadYearEndEnrollment(db: Db, cityCode: string, schemes: SchemeCode[]): Promise<Map<string, Map<number, YearSnapshot>>> {
  const rows = await db.prisma.enrollmentFact.groupBy({
    by: ['regionCode', 'period'],
    where: { schemeCode: { in: schemes }, ...regionIn(await poolRegionCodes(db, cityCode)) },
    _sum: { shouldEnroll: true, enrolled: true, duplicates: true },
  });
  const lastOfYear = new Map<number, number>();
  for (const r of rows) {
    const y = Math.floor(r.period / 100);
    lastOfYear.set(y, Math.max(lastOfYear.get(y) ?? 0, r.period));
  }
  const out = new Map<string, Map<number, YearSnapshot>>();
  const put = (code: string, y: number, period: number, s: { shouldEnroll: number; enrolled: number; duplicates: number }) => {
    let m = out.get(code);
    if (!m) { m = new Map(); out.set(code, m); }
    const v = m.get(y) ?? { year: y, period, shouldEnroll: 0, enrolled: 0, duplicates: 0 };
    v.shouldEnroll += s.shouldEnroll; v.enrolled += s.enrolled; v.duplicates += s.duplicates;
    m.set(y, v);
  };
  for (const r of rows) {
    const y = Math.floor(r.period / 100);
    if (r.period !== lastOfYear.get(y) || r.regionCode === cityCode) continue;
    const s = { shouldEnroll: r._sum.shouldEnroll ?? 0, enrolled: r._sum.enrolled ?? 0, duplicates: r._sum.duplicates ?? 0 };
    put(r.regionCode, y, r.period, s);
    put(cityCode, y, r.period, s);
  }
  return out;
}

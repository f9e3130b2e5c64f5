// 县域画像 reads on the demo city, in SQLite and PostgreSQL: indicator values against independent SQL,
// ranks and peers, and the same profile from both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { demoDb, testDbKinds } from '../../testing/databases';
import { loadDatasetInfo, type DatasetInfo } from '../meta/getDatasetInfo';
import { buildCountyList, buildCountyProfile, loadProfileValues } from './getCountyProfile';
import { PROFILE_INDICATORS, type ProfileValues } from './profile';
import { delayDays } from './profileInputs';

const CITY = '439900';

async function sql(db: Db, text: string, ...params: unknown[]): Promise<Record<string, number>[]> {
  let i = 0;
  const q = db.provider === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text;
  const rows = (await db.prisma.$queryRawUnsafe(q, ...params)) as Record<string, unknown>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
}

const byKind: Record<string, ProfileValues> = {};

describe('delayDays', () => {
  it('counts whole days late; on time or early is 0; unpaid counts to the cut-off', () => {
    expect(delayDays('2024-02-10', '2024-02-13', 0)).toBe(3);
    expect(delayDays('2024-02-10', '2024-02-08', 0)).toBe(0);
    expect(delayDays('2024-12-10', null, Date.UTC(2024, 11, 31))).toBe(21);
  });
});

for (const kind of testDbKinds()) {
  describe(`县域画像 queries — ${kind}`, () => {
    const db = demoDb(kind);
    let info: DatasetInfo;
    let now: Awaited<ReturnType<typeof loadProfileValues>>;
    beforeAll(async () => {
      info = (await loadDatasetInfo(db))!;
      now = await loadProfileValues(db, info, 'RESIDENT', 2024);
      byKind[kind] = now.values;
    });
    afterAll(() => db.close());

    const val = (region: string, code: string) => now.values.get(region)!.get(code as never) ?? null;

    it('covers every profile indicator for all 8 counties and the city in 2024', () => {
      expect(now.asOf).toBe(202412);
      expect(now.values.size).toBe(9);
      for (const region of [CITY, ...info.counties.map((c) => c.code)]) {
        for (const d of PROFILE_INDICATORS) expect(val(region, d.code), `${region} ${d.code}`).not.toBeNull();
      }
    });

    it('matches independent SQL: coverage, primary share, remittance timeliness, settlement timeliness, inspection coverage', async () => {
      const [cov] = await sql(db, `SELECT SUM("enrolled") * 1.0 / SUM("shouldEnroll") AS r FROM "EnrollmentFact" WHERE "regionCode" = '439922' AND "schemeCode" = 'RESIDENT' AND "period" = 202412`);
      expect(val('439922', 'coverage_rate')).toBeCloseTo(cov.r, 12);
      const [pv] = await sql(
        db,
        `SELECT SUM(CASE WHEN i."level" = 'PRIMARY' THEN u."visits" ELSE 0 END) * 1.0 / SUM(u."visits") AS r
           FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode"
          WHERE u."insuredRegionCode" = '439981' AND u."schemeCode" = 'RESIDENT' AND u."period" BETWEEN 202401 AND 202412`,
      );
      expect(val('439981', 'primary_visit_share')).toBeCloseTo(pv.r, 12);
      const [rt] = await sql(
        db,
        `SELECT SUM(CASE WHEN "paidDate" <= "dueDate" THEN 1 ELSE 0 END) * 1.0 / COUNT(*) AS r FROM "RemittanceFact"
          WHERE "regionCode" = '439903' AND "schemeCode" = 'RESIDENT' AND "period" BETWEEN 202401 AND 202412`,
      );
      expect(val('439903', 'remittance_timeliness_rate')).toBeCloseTo(rt.r, 12);
      const [st] = await sql(db, `SELECT SUM("claimsOnTime") * 1.0 / SUM("claimsSettled") AS r FROM "BenefitFact" WHERE "schemeCode" = 'RESIDENT' AND "period" BETWEEN 202401 AND 202412`);
      expect(val(CITY, 'settlement_timeliness_rate')).toBeCloseTo(st.r, 12);
      const [ins] = await sql(
        db,
        `SELECT COUNT(DISTINCT s."institutionCode") AS n FROM "SupervisionFact" s JOIN "Institution" i ON i."code" = s."institutionCode"
          WHERE i."regionCode" = '439921' AND s."inspections" > 0 AND s."period" BETWEEN 202401 AND 202412`,
      );
      const [act] = await sql(
        db,
        `SELECT COUNT(*) AS n FROM "Institution" WHERE "regionCode" = '439921' AND "level" <> 'OUT_OF_CITY'
          AND "agreementStart" <= '2024-12-31' AND ("agreementEnd" IS NULL OR "agreementEnd" >= '2024-01-01')`,
      );
      expect(val('439921', 'inspection_coverage_rate')).toBeCloseTo(ins.n / act.n, 12);
    });

    it('安平市 ranks last of 8 on 基层就诊占比 and 清河县 first; peers are the 县 and 县级市', () => {
      const a = buildCountyProfile('439981', info, now, null);
      const q = buildCountyProfile('439921', info, now, null);
      const pa = a.comparisons.find((c) => c.code === 'primary_visit_share')!;
      const pq = q.comparisons.find((c) => c.code === 'primary_visit_share')!;
      expect([pa.rank, pa.rankOf, pa.vsCity]).toEqual([8, 8, 'worse']);
      expect([pq.rank, pq.vsCity]).toEqual([1, 'better']);
      expect(a.peerCodes.sort()).toEqual(['439921', '439922', '439923', '439981']);
      expect(q.comparisons.find((c) => c.code === 'family_doctor_signing_rate')!.rank).toBe(1);
      expect(() => buildCountyProfile('000000', info, now, null)).toThrow(/未知/);
    });

    it('lists every county with its comparison counts', () => {
      const list = buildCountyList(info, now, info.counties.map((c) => c.code));
      expect(list.rows).toHaveLength(8);
      const q = list.rows.find((r) => r.code === '439921')!;
      expect(q.better).toBeGreaterThan(q.worse);
      expect(list.city.primary_visit_share).toBeCloseTo(val(CITY, 'primary_visit_share')!, 12);
    });
  });
}

describe('SQLite and PostgreSQL give the same profile', () => {
  it.runIf(testDbKinds().length === 2)('every indicator of every region agrees', () => {
    const [a, b] = [byKind.sqlite, byKind.postgres];
    expect(a && b).toBeTruthy();
    for (const [region, m] of a) {
      for (const [code, v] of m) {
        const w = b.get(region)!.get(code);
        if (v === null) expect(w).toBeNull();
        else expect(w!, `${region} ${code}`).toBeCloseTo(v, 6);
      }
    }
  });
});

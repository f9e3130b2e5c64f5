// 分级诊疗 reads on the demo city, in SQLite and PostgreSQL: figures checked against independent SQL on the
// raw facts, the demo city's stories (安平市 siphoning, 清河县 holding), and the flow rollup's refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { withBulkWriter } from '../../db/bulk';
import { refreshUtilizationRollup } from '../../warehouse/rollup';
import { demoDb, freshDatabase, testDbKinds } from '../../testing/databases';
import { CITY_SCOPE, ScopeError, allowedRegion } from '../scope';
import { loadTieredCareData, visibleCounties, type TieredCareData } from './data';
import { computeLevelTrends } from './getLevelTrends';
import { computeShareByCounty } from './getShareByCounty';
import { computePoolingEffects } from './getPoolingEffects';
import { computeDifferentiatedPayment } from './getDifferentiatedPayment';
import { computeReferralsAndSigning } from './getReferralsAndSigning';
import { computePatientFlows, loadPatientFlowCells } from './getPatientFlows';
import { loadFamilyDoctor } from './inputs';
import type { PoolingItsSummary } from '../../tieredCare/poolingEffect';

const CITY = '439900';
const ANPING = '439981';
const QINGHE = '439921';

/** Raw SQL with `?` placeholders on either provider (numbers come back as numbers). */
async function sql(db: Db, text: string, ...params: unknown[]): Promise<Record<string, number>[]> {
  let i = 0;
  const q = db.provider === 'postgres' ? text.replace(/\?/g, () => `$${++i}`) : text;
  const rows = (await db.prisma.$queryRawUnsafe(q, ...params)) as Record<string, unknown>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
}

const summaries: Record<string, Record<string, number>> = {};

for (const kind of testDbKinds()) {
  describe(`分级诊疗 queries — ${kind}`, () => {
    const db = demoDb(kind);
    let data: TieredCareData;
    beforeAll(async () => {
      data = await loadTieredCareData(db, CITY, 'RESIDENT');
    });
    afterAll(() => db.close());

    it('UtilizationFlowRollup sums to UtilizationRollup per insured region, month and level', async () => {
      const a = await sql(db, `SELECT COUNT(*) AS n, SUM("visits") AS v, SUM("fundPaid") AS f FROM "UtilizationFlowRollup"`);
      const b = await sql(db, `SELECT COUNT(*) AS n, SUM("visits") AS v, SUM("fundPaid") AS f FROM "UtilizationRollup"`);
      expect(a[0].v).toBe(b[0].v);
      expect(a[0].f).toBeCloseTo(b[0].f, 0);
      const diff = await sql(
        db,
        `SELECT COUNT(*) AS n FROM (
           SELECT "insuredRegionCode", "period", "level", SUM("visits") AS v FROM "UtilizationFlowRollup" GROUP BY 1, 2, 3
         ) f JOIN (
           SELECT "insuredRegionCode", "period", "level", SUM("visits") AS v FROM "UtilizationRollup" GROUP BY 1, 2, 3
         ) r ON r."insuredRegionCode" = f."insuredRegionCode" AND r."period" = f."period" AND r."level" = f."level"
         WHERE r.v <> f.v`,
      );
      expect(diff[0].n).toBe(0);
    });

    it('基层就诊占比 and 县域内就诊率 of 安平市 match independent SQL on UtilizationFact (2019 vs 2022)', async () => {
      for (const year of [2019, 2022]) {
        const [r] = await sql(
          db,
          `SELECT SUM(CASE WHEN i."level" = 'PRIMARY' THEN u."visits" ELSE 0 END) AS p, SUM(u."visits") AS a,
                  SUM(CASE WHEN u."visitType" = 'INPATIENT' AND i."regionCode" = u."insuredRegionCode" THEN u."visits" ELSE 0 END) AS ic,
                  SUM(CASE WHEN u."visitType" = 'INPATIENT' THEN u."visits" ELSE 0 END) AS adm
             FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode"
            WHERE u."insuredRegionCode" = ? AND u."schemeCode" = 'RESIDENT' AND u."period" BETWEEN ? AND ?`,
          ANPING, year * 100 + 1, year * 100 + 12,
        );
        const t = computeLevelTrends(data, ANPING, year);
        const kpi = (code: string) => t.kpis.find((k) => k.code === code)!.value!;
        expect(kpi('primary_visit_share')).toBeCloseTo(r.p / r.a, 12);
        expect(kpi('in_county_rate')).toBeCloseTo(r.ic / r.adm, 12);
      }
      const y19 = computeLevelTrends(data, ANPING, 2019).kpis[0].value!;
      const y22 = computeLevelTrends(data, ANPING, 2022).kpis[0].value!;
      expect(y19).toBeGreaterThan(0.63); // ≈64% before pooling
      expect(y22).toBeLessThan(0.48); // ≈46% after
      const t = computeLevelTrends(data, CITY, 2024);
      expect(t.visits).toHaveLength(96);
      expect(t.pooling[ANPING]).toBe(202001);
      expect(t.pooling['439922']).toBe(202101);
      expect(t.pooling['4399A2']).toBe(202107);
    });

    it('per county: 安平市 fell ~18 points against its pre-pooling year, 清河县 rose', () => {
      const s = computeShareByCounty(data, [CITY, ...data.counties], 2024);
      const a = s.rows.find((r) => r.code === ANPING)!;
      const q = s.rows.find((r) => r.code === QINGHE)!;
      expect(a.values.primary_visit_share! - a.baseline.primary_visit_share!).toBeLessThan(-0.15);
      expect(q.values.primary_visit_share! - q.baseline.primary_visit_share!).toBeGreaterThan(0.02);
      expect(a.status.primary_visit_share).toBe('bad');
      expect(q.status.primary_visit_share).toBe('good');
    });

    it('pooling effect: the intervals say 安平市 fell, 清河县 rose and the others did not move; DiD with pre-trend check', () => {
      const e = computePoolingEffects(data, 'primary_visit_share');
      const its = (code: string) => e.its.find((r) => r.region === code) as PoolingItsSummary;
      expect(its(ANPING).ok).toBe(true);
      expect(its(ANPING).headline.ciHigh).toBeLessThan(-0.03);
      expect(its(ANPING).levelChange.ciHigh).toBeLessThan(0);
      expect(its(ANPING).assessment).toBe('worse');
      expect(its(QINGHE).headline.ciLow).toBeGreaterThan(0);
      expect(its(QINGHE).assessment).toBe('better');
      expect(its(CITY).assessment).toBe('worse');
      for (const code of ['439902', '439903', '439922', '439923', '4399A2']) expect(its(code).direction, code).toBe('unclear');
      expect(its('439922').poolingPeriod).toBe(202101);
      expect(its('4399A2').poolingPeriod).toBe(202107);
      expect(e.did.ok).toBe(true);
      if (!e.did.ok) return;
      expect(e.did.cohorts.map((c) => c.period)).toEqual([202001, 202101, 202107]);
      expect(e.did.preTrendVerdict).toBe('parallel');
      expect(e.did.eventStudy!.preTrend!.pBootstrap).toBeGreaterThan(0.1);
      expect(e.did.twfe.ciLow).toBeLessThan(0); // the average effect over counties is not distinguishable from 0
      expect(e.did.twfe.ciHigh).toBeGreaterThan(0);
      const inCounty = computePoolingEffects(data, 'in_county_rate');
      expect((inCounty.its.find((r) => r.region === ANPING) as PoolingItsSummary).headline.ciHigh).toBeLessThan(0);
      summaries[kind] = {
        anpingHeadline: its(ANPING).headline.estimate,
        qingheHeadline: its(QINGHE).headline.estimate,
        twfe: e.did.twfe.estimate,
        pre: e.did.eventStudy!.preTrend!.pBootstrap!,
      };
    });

    it('DiD is not identified for the employee scheme (every county pooled in 2020-01)', async () => {
      const emp = await loadTieredCareData(db, CITY, 'EMPLOYEE');
      const e = computePoolingEffects(emp, 'primary_visit_share');
      expect(e.did).toMatchObject({ ok: false, reason: /同一月份/ });
      expect(e.its.every((r) => r.ok)).toBe(true);
    });

    it('differentiated payment fails only in 安平市, from its pooling year, for outpatient and chronic visits', () => {
      const d = computeDifferentiatedPayment(data, ANPING, data.counties);
      const failing = d.flags.filter((f) => f.holds === false);
      expect(new Set(failing.map((f) => f.region))).toEqual(new Set([ANPING]));
      expect(failing.map((f) => f.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
      for (const f of failing) {
        expect(f.failing.map((x) => x.visitType).sort()).toEqual(['CHRONIC', 'OUTPATIENT']);
        for (const x of f.failing) expect(x.violations[0]).toMatchObject({ higher: 'COUNTY', lower: 'CITY' });
      }
      expect(d.flags.find((f) => f.region === ANPING && f.year === 2019)!.holds).toBe(true);
    });

    it('清河县 grows down-referrals fastest and signs the most residents with family doctors', async () => {
      const r = computeReferralsAndSigning(data, await loadFamilyDoctor(db), data.counties);
      const cagr = (code: string) => r.referrals.find((x) => x.region === code)!.downCagr!;
      for (const code of data.counties.filter((c) => c !== QINGHE)) expect(cagr(QINGHE) - cagr(code)).toBeGreaterThan(0.1);
      expect(cagr(QINGHE)).toBeGreaterThan(0.2);
      const sign2024 = r.signing.filter((s) => s.year === 2024 && s.region !== CITY);
      const best = sign2024.reduce((a, b) => (a.signingRate! > b.signingRate! ? a : b));
      expect(best.region).toBe(QINGHE);
      // the city row sums the counties
      const [fd] = await sql(db, `SELECT SUM("signed") AS s, SUM("residents") AS r FROM "FamilyDoctorFact" WHERE "year" = 2024`);
      expect(r.signing.find((s) => s.region === CITY && s.year === 2024)!.signingRate).toBeCloseTo(fd.s / fd.r, 12);
    });

    it('patient flows: 安平市 insured moved from own primary care to city hospitals', async () => {
      const cells = await loadPatientFlowCells(db, 'RESIDENT', 'ALL');
      const f = computePatientFlows(data, cells, ANPING, data.counties, 2024, 'ALL', (c) => c);
      const row = (key: string) => f.county!.rows.find((r) => r.destination.key === key)!;
      expect(row('OWN_PRIMARY').change!).toBeLessThan(-0.15);
      expect(row('CITY').change!).toBeGreaterThan(0.2);
      expect(f.county!.rows.some((r) => r.destination.kind === 'OTHER_COUNTY')).toBe(true);
      const [x] = await sql(
        db,
        `SELECT SUM("visits") AS v FROM "UtilizationFact" u JOIN "Institution" i ON i."code" = u."institutionCode"
          WHERE u."insuredRegionCode" = ? AND u."schemeCode" = 'RESIDENT' AND i."level" = 'CITY' AND u."period" BETWEEN 202401 AND 202412`,
        ANPING,
      );
      expect(row('CITY').visitsAfter).toBe(x.v);
      const city = computePatientFlows(data, cells, CITY, data.counties, 2024, 'INPATIENT', (c) => c);
      expect(city.counties).toHaveLength(8);
      expect(city.before.nodes.filter((n) => n.kind === 'origin')).toHaveLength(8);
    });

    it('scope: a county viewer sees only its own county; asking for another is refused', () => {
      const scope = { kind: 'county' as const, regionCode: ANPING };
      expect(visibleCounties(scope, data.counties, data.cityCode)).toEqual([ANPING]);
      expect(visibleCounties(CITY_SCOPE, data.counties, data.cityCode)).toHaveLength(8);
      // a city user bound to this city sees it all; bound to another city, none of its counties
      expect(visibleCounties({ kind: 'city', cityCode: data.cityCode }, data.counties, data.cityCode)).toHaveLength(8);
      expect(visibleCounties({ kind: 'city', cityCode: '470100' }, data.counties, data.cityCode)).toEqual([]);
      expect(() => allowedRegion(scope, QINGHE)).toThrow(ScopeError);
      expect(() => visibleCounties({ kind: 'public' }, data.counties, data.cityCode)).toThrow(ScopeError);
    });

  });
}

// A private copy (PostgreSQL copies a template, which needs no open connection to the shared demo).
for (const kind of testDbKinds()) {
  describe(`UtilizationFlowRollup refresh — ${kind}`, () => {
    it('refreshUtilizationRollup(w, from, to) rebuilds the flow rollup of those months in the same call', async () => {
      const fresh = await freshDatabase(kind, 'demo');
      try {
        const count = async () => (await sql(fresh.db, `SELECT COUNT(*) AS n, SUM("visits") AS v FROM "UtilizationFlowRollup" WHERE "period" BETWEEN 202401 AND 202412`))[0];
        const before = await count();
        await withBulkWriter(fresh.db, (w) => w.exec(`DELETE FROM "UtilizationFlowRollup" WHERE "period" >= 202401`));
        expect((await count()).n).toBe(0);
        const n = await withBulkWriter(fresh.db, (w) => refreshUtilizationRollup(w, 202401, 202412));
        expect(n).toBeGreaterThan(0); // UtilizationRollup rows, as before
        expect(await count()).toEqual(before);
        const [older] = await sql(fresh.db, `SELECT COUNT(*) AS n FROM "UtilizationFlowRollup" WHERE "period" < 202401`);
        expect(older.n).toBeGreaterThan(0); // months outside the range untouched
      } finally {
        await fresh.drop();
      }
    });
  });
}

describe('SQLite and PostgreSQL give the same estimates', () => {
  it.runIf(testDbKinds().length === 2)('ITS and DiD agree to 1e-9', () => {
    const [a, b] = [summaries.sqlite, summaries.postgres];
    expect(a && b).toBeTruthy();
    for (const k of Object.keys(a)) expect(a[k]).toBeCloseTo(b[k], 9);
  });
});

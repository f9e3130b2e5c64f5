// The demo city loads whole into both databases, with lineage, and the rollup agrees with the facts.
import { afterAll, describe, expect, it } from 'vitest';
import { demoDb, freshDatabase, testDbKinds } from '../testing/databases';
import { generateDemoCity } from './generate';
import { loadDemoCity } from './load';
import type { Db } from '../db';

const city = generateDemoCity();

describe.each(testDbKinds())('demo city in %s', (kind) => {
  const db: Db = demoDb(kind);
  afterAll(() => db.close());

  it('stores every generated row, each fact pointing to the DEMO batch', async () => {
    const batch = await db.prisma.importBatch.findFirstOrThrow({ where: { kind: 'DEMO' } });
    expect(batch.status).toBe('LOADED');
    expect(await db.prisma.utilizationFact.count()).toBe(city.utilization.length);
    expect(await db.prisma.utilizationFact.count({ where: { batchId: batch.id } })).toBe(city.utilization.length);
    expect(await db.prisma.ledgerFact.count({ where: { batchId: batch.id } })).toBe(city.ledger.length);
    expect(await db.prisma.enrollmentFact.count()).toBe(city.enrollment.length);
    expect(await db.prisma.contributionFact.count()).toBe(city.contributions.length);
    expect(await db.prisma.budgetVersion.count()).toBe(city.budgets.length);
    expect(await db.prisma.region.count()).toBe(9);
    const meta = await db.prisma.datasetMeta.findUnique({ where: { key: 'label' } });
    expect(meta?.value).toBe('演示数据');
  });

  it('rolls utilization up by level and in-county without losing a visit or a yuan', async () => {
    const facts = await db.prisma.utilizationFact.aggregate({ _sum: { visits: true, fundPaid: true } });
    const rolled = await db.prisma.utilizationRollup.aggregate({ _sum: { visits: true, fundPaid: true } });
    expect(rolled._sum.visits).toBe(facts._sum.visits);
    expect(rolled._sum.fundPaid!).toBeCloseTo(facts._sum.fundPaid!, 0);
    // In-county: an institution in the insured person's own region.
    const inCounty = await db.prisma.utilizationRollup.aggregate({ where: { insuredRegionCode: '439921', inCounty: true, period: 202203 }, _sum: { visits: true } });
    const own = await db.prisma.institution.findMany({ where: { regionCode: '439921' }, select: { code: true } });
    const expected = await db.prisma.utilizationFact.aggregate({ where: { insuredRegionCode: '439921', period: 202203, institutionCode: { in: own.map((o) => o.code) } }, _sum: { visits: true } });
    expect(inCounty._sum.visits).toBe(expected._sum.visits);
  });

  it('refuses to load over existing data, and a failed load leaves an empty warehouse empty', async () => {
    await expect(loadDemoCity(db)).rejects.toThrow(/已有数据/);
    const fresh = await freshDatabase(kind, 'empty');
    try {
      const broken = { ...city, utilization: [...city.utilization.slice(0, 1000), { ...city.utilization[0] }] }; // duplicate key
      await expect(loadDemoCity(fresh.db, {}, broken)).rejects.toThrow();
      expect(await fresh.db.prisma.utilizationFact.count()).toBe(0);
      expect(await fresh.db.prisma.region.count()).toBe(0);
      const b = await fresh.db.prisma.importBatch.findFirstOrThrow();
      expect(b.status).toBe('REJECTED');
    } finally {
      await fresh.drop();
    }
  });
});

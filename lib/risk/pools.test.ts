// Several cities (设区市, each its own 市级统筹 pool) in one warehouse, in SQLite and PostgreSQL: each city's
// funds are evaluated from its own rows only, warnings sit on the right codes, subject keys stay distinct,
// and the demo city's warnings are exactly those of the demo city alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../testing/databases';
import type { Db } from '../db';
import { addMonths } from '../indicators/compute';
import { addSecondCity as addCityB, CITY_B, COUNTY_B, CITY_B_MONTHS as MONTHS, CITY_B_EXPENSE as EXPENSE, CITY_B_POOL as POOL } from '../testing/smallSecondCity';
import { citiesChangedByImport, evaluateAfterImport, evaluateWarnings } from './evaluate';
import { loadRiskData } from './data';

type W = { ruleCode: string; subjectKey: string; regionCode: string; schemeCode: string | null; institutionCode: string | null; firstPeriod: number; lastPeriod: number; clearedPeriod: number | null; severity: string; value: number; status: string };
const SELECT = { ruleCode: true, subjectKey: true, regionCode: true, schemeCode: true, institutionCode: true, firstPeriod: true, lastPeriod: true, clearedPeriod: true, severity: true, value: true, status: true } as const;
const byKey = (a: W, b: W) => a.ruleCode.localeCompare(b.ruleCode) || a.subjectKey.localeCompare(b.subjectKey) || a.firstPeriod - b.firstPeriod;

describe.each(testDbKinds())('risk evaluation with two cities (%s)', (kind: TestDbKind) => {
  let one: Db;
  let two: Db;
  const drops: (() => Promise<void>)[] = [];
  let alone: W[];
  let both: W[];

  beforeAll(async () => {
    const a = await freshDatabase(kind, 'demo');
    const b = await freshDatabase(kind, 'demo');
    drops.push(a.drop, b.drop);
    one = a.db;
    two = b.db;
    await addCityB(two);
    await evaluateWarnings(one, { trigger: 'SCRIPT', actor: 'test' });
    await evaluateWarnings(two, { trigger: 'SCRIPT', actor: 'test' });
    alone = ((await one.prisma.riskWarning.findMany({ select: SELECT })) as W[]).sort(byKey);
    both = ((await two.prisma.riskWarning.findMany({ select: SELECT })) as W[]).sort(byKey);
  }, 120_000);
  afterAll(async () => { for (const d of drops) await d(); });

  it('loads one pool per city, each with its own counties and rows', async () => {
    const pools = await loadRiskData(two);
    expect(pools.map((p) => p.cityCode)).toEqual(['439900', CITY_B]);
    const b = pools[1];
    expect(b.counties).toEqual([COUNTY_B]);
    expect([...b.flows.keys()]).toEqual([`${COUNTY_B}|RESIDENT`]);
    expect([...b.balances.keys()]).toEqual([`${CITY_B}|RESIDENT|CITY_POOL`]);
    expect(b.lastPeriod).toBe(202412);
    expect([...pools[0].flows.keys()].some((k) => k.startsWith(COUNTY_B))).toBe(false);
  });

  it("city B's months of reserve is computed from city B's rows alone, on city B's code", () => {
    const w = both.find((x) => x.ruleCode === 'reserve_months' && x.regionCode === CITY_B)!;
    expect(w).toBeDefined();
    expect(w).toMatchObject({ subjectKey: `${CITY_B}|RESIDENT`, schemeCode: 'RESIDENT', lastPeriod: 202412, severity: 'WARNING', status: 'NEW' });
    // 累计结余 ÷ (近12个月支出 ÷ 12), from the rows written above.
    const trailingExpense = MONTHS.filter((p) => p > addMonths(202412, -12)).length * EXPENSE;
    expect(w.value).toBeCloseTo(POOL / (trailingExpense / 12), 9);
    // Income below expense every month: a current deficit on city B's fund, not on the demo city's.
    const deficits = both.filter((x) => x.ruleCode === 'current_deficit' && x.regionCode === CITY_B).map((x) => x.subjectKey).sort();
    expect(deficits).toEqual([`${CITY_B}|RESIDENT|t12`, `${CITY_B}|RESIDENT|ytd`]);
  });

  it("the demo city's warnings are exactly those it raises alone (no rows of city B in its funds)", () => {
    expect(both.filter((x) => x.regionCode !== CITY_B && x.regionCode !== COUNTY_B)).toEqual(alone);
  });

  it("reads each pool's institution costs: every institution × scheme × visit type × month of the pool's institutions, summed over insured regions", async () => {
    const pools = await loadRiskData(two);
    const facts = await two.prisma.utilizationFact.groupBy({ by: ['institutionCode', 'schemeCode', 'visitType', 'period'], _sum: { visits: true, totalCost: true } });
    const cell = (c: { institutionCode: string; schemeCode: string; visitType: string; period: number }) => `${c.institutionCode}|${c.schemeCode}|${c.visitType}|${c.period}`;
    for (const p of pools) {
      const expected = new Map(facts.filter((f) => p.institutions.has(f.institutionCode)).map((f) => [cell(f), f._sum]));
      expect(p.costs.length).toBe(expected.size);
      for (const c of p.costs) {
        const e = expected.get(cell(c))!;
        expect(c.visits).toBe(e.visits);
        expect(c.totalCost).toBeCloseTo(e.totalCost!, 6);
      }
    }
    expect(pools[0].costs.length).toBeGreaterThan(1000);
    expect(pools[0].costs.every((c) => typeof c.period === 'number' && typeof c.visits === 'number')).toBe(true);
  });

  it('keeping only the series with episodes (as evaluateWarnings does) plans exactly the same warnings', async () => {
    const { evaluateRules } = await import('./evaluate');
    const { ensureRuleConfigs } = await import('./config');
    const { planReconcile } = await import('./reconcile');
    const pools = (await loadRiskData(two)).filter((p) => p.lastPeriod !== null);
    const configs = await ensureRuleConfigs(two);
    const all = evaluateRules(pools, configs);
    const kept = evaluateRules(pools, configs, { onlyWithEpisodes: true });
    all.forEach((o, i) => {
      expect(kept[i].series.map((s) => s.key)).toEqual(o.series.filter((s) => o.episodes.has(s.key)).map((s) => s.key));
      expect([...kept[i].episodes.keys()]).toEqual([...o.episodes.keys()]);
    });
    const dropped = all.reduce((n, o, i) => n + o.series.length - kept[i].series.length, 0);
    expect(dropped).toBeGreaterThan(100);
    expect(kept.find((o) => o.code === 'institution_cost_peer')!.episodes.size + kept.find((o) => o.code === 'institution_cost_spike')!.episodes.size).toBeGreaterThan(0);
    const plan = (rules: typeof all) => planReconcile({ rules, existing: [], windowFrom: null }).map((c) => (c.kind === 'create' ? [c.status, c.fields, c.events] : c));
    const planned = plan(kept);
    expect(planned.length).toBeGreaterThan(10);
    expect(planned).toEqual(plan(all));
  });

  it('after an import only the cities it changed are evaluated, each on its own record, with the warnings a full run gives', async () => {
    const pools = await loadRiskData(two);
    const scope = (kind: string, regionCodes: string[], periods: number[] = [202412]) => citiesChangedByImport(two, pools, { kind, regionCodes, periods });
    expect(await scope('LEDGER', [COUNTY_B])).toEqual([CITY_B]);
    expect(await scope('LEDGER', [CITY_B, '439902'])).toEqual([CITY_B, '439900'].sort());
    expect(await scope('INSTITUTION', [], [])).toBeNull(); // not by region: every pool
    expect(await scope('ANNUAL_FUND', ['100000'])).toBeNull(); // a national figure: outside every city
    expect(await citiesChangedByImport(one, await loadRiskData(one), { kind: 'LEDGER', regionCodes: ['439902'], periods: [202412] })).toBeNull(); // one city
    // City B's pool balance falls: its reserve warning must change, on B's record only.
    await two.prisma.balanceFact.updateMany({ where: { regionCode: CITY_B, kind: 'CITY_POOL' }, data: { balance: 1 } });
    const a0 = ((await two.prisma.riskWarning.findMany({ select: SELECT, where: { regionCode: { notIn: [CITY_B, COUNTY_B] } } })) as W[]).sort(byKey);
    const runs = await evaluateAfterImport(two, { kind: 'BALANCE', regionCodes: [CITY_B], periods: [202412] }, { trigger: 'IMPORT', actor: 'test' });
    expect(runs).toHaveLength(1);
    expect(runs[0].raised + runs[0].updated + runs[0].closed).toBeGreaterThan(0);
    expect((await two.prisma.riskEvaluation.findUnique({ where: { id: runs[0].evaluationId } }))!.cityCode).toBe(CITY_B);
    expect(((await two.prisma.riskWarning.findMany({ select: SELECT, where: { regionCode: { notIn: [CITY_B, COUNTY_B] } } })) as W[]).sort(byKey)).toEqual(a0);
    // A full run afterwards finds nothing left to change.
    const full = await evaluateWarnings(two, { trigger: 'SCRIPT', actor: 'test' });
    expect([full.raised, full.updated, full.closed]).toEqual([0, 0, 0]);
    // Settlement records of B's insured treated in the demo city change that city's institution costs too.
    const inst = (await two.prisma.institution.findFirst({ where: { regionCode: '439902' } }))!;
    await two.prisma.utilizationFact.create({ data: { insuredRegionCode: COUNTY_B, institutionCode: inst.code, schemeCode: 'RESIDENT', visitType: 'INPATIENT', period: 202412, visits: 1, totalCost: 1000, policyCost: 900, fundPaid: 600, outOfPocket: 400, referralsUp: 0, referralsDown: 0, batchId: 0 } });
    expect(await citiesChangedByImport(two, pools, { kind: 'SETTLEMENT', regionCodes: [COUNTY_B], periods: [202412] })).toEqual([CITY_B, '439900'].sort());
  }, 120_000);

  it('subject keys stay distinct per rule across the two cities', () => {
    const keys = both.map((x) => `${x.ruleCode}#${x.subjectKey}#${x.firstPeriod}`);
    expect(new Set(keys).size).toBe(keys.length);
    const cityBKeys = both.filter((x) => x.regionCode === CITY_B).map((x) => x.subjectKey);
    expect(cityBKeys.every((k) => k.startsWith(CITY_B))).toBe(true);
  });
});

describe('evaluateRules over several pools (pure)', () => {
  it('refuses two pools that claim the same subject', async () => {
    const { dataset, withCityFund, months } = await import('./testFixtures');
    const { evaluateRules } = await import('./evaluate');
    const { RULES } = await import('./rules');
    const configs = new Map(RULES.map((r) => [r.code, { version: 1, enabled: true, params: r.defaults as Record<string, number> }]));
    const pool = () => withCityFund(dataset(), 'RESIDENT', months(202201, 24, () => 9), months(202201, 24, () => 10), months(202201, 24, () => 40));
    expect(() => evaluateRules([pool(), pool()], configs)).toThrow(/评估对象重复/);
    const one = evaluateRules([pool()], configs);
    expect(one.find((o) => o.code === 'reserve_months')!.series.map((s) => s.key)).toEqual(['439900|RESIDENT']);
  });
});

// 风险预警 reads for one city in a warehouse of several (the demo city and a small second city), in SQLite
// and PostgreSQL: each city's summary, list, history, projection and sustainability read its own rows only;
// the province comparison counts each city's open warnings; re-evaluating one city touches its warnings only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../../testing/databases';
import type { Db } from '../../db';
import { addSecondCity, CITY_B, CITY_B_EXPENSE, CITY_B_POOL, COUNTY_B } from '../../testing/smallSecondCity';
import { evaluateWarnings } from '../../risk/evaluate';
import { handleWarning } from '../../risk/workflow';
import { poolCodes, poolHierarchy, type Pool } from '../../regions/pools';
import { ScopeError } from '../scope';
import type { RiskFilters } from './filters';
import { loadHandlingHistoryPage } from './getHandlingHistory';
import { loadProjection } from './getProjection';
import { computeSustainability } from './getSustainability';
import { loadWarnings } from './getWarnings';
import { loadWarningsByCity, loadWarningSummary } from './getWarningSummary';
import { lastLedgerPeriod } from '../pool';

const base: RiskFilters = { status: 'open', severity: 'ALL', region: 'ALL', rule: 'ALL', page: 1, pscheme: 'RESIDENT' };
const CITY = { kind: 'city' } as const;
const OPEN = ['NEW', 'VERIFIED'];
const SELECT = { ruleCode: true, subjectKey: true, regionCode: true, firstPeriod: true, lastPeriod: true, clearedPeriod: true, severity: true, value: true, status: true } as const;

describe.each(testDbKinds())('risk reads per city, two cities in one warehouse (%s)', (kind: TestDbKind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let cities: Pool[];
  let A: string[];
  let B: string[];

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind, 'demo'));
    await addSecondCity(db);
    await evaluateWarnings(db, { trigger: 'SCRIPT', actor: 'test' });
    cities = poolHierarchy(await db.prisma.region.findMany()).cities;
    A = poolCodes(cities, '439900')!;
    B = poolCodes(cities, CITY_B)!;
  }, 120_000);
  afterAll(async () => drop?.());

  it("a city's summary and list hold its own warnings only; the two cities add up to the warehouse", async () => {
    const openB = await db.prisma.riskWarning.count({ where: { status: { in: OPEN }, regionCode: { in: B } } });
    expect(openB).toBeGreaterThan(0);
    const all = await loadWarningSummary(db, CITY);
    const a = await loadWarningSummary(db, CITY, undefined, A);
    const b = await loadWarningSummary(db, CITY, undefined, B);
    expect(b.bySeverity.total).toBe(openB);
    expect(b.byRegion.every((r) => B.includes(r.code))).toBe(true);
    expect(a.byRegion.some((r) => B.includes(r.code))).toBe(false);
    expect(a.bySeverity.total + b.bySeverity.total).toBe(all.bySeverity.total);
    expect(b.everRaised).toBe(await db.prisma.riskWarning.count({ where: { regionCode: { in: B } } }));
    const list = await loadWarnings(db, CITY, { ...base, status: 'all' }, 1000, B);
    expect(list.total).toBe(b.everRaised);
    expect(list.items.every((w) => B.includes(w.regionCode))).toBe(true);
    // a region filter inside the city still narrows to that region
    expect((await loadWarnings(db, CITY, { ...base, region: CITY_B }, 1000, B)).items.every((w) => w.regionCode === CITY_B)).toBe(true);
  });

  it("a city's handling history holds its warnings' events only", async () => {
    const idsB = new Set((await db.prisma.riskWarning.findMany({ where: { regionCode: { in: B } }, select: { id: true } })).map((w) => w.id));
    // City B's warnings carry only their raising so far: a person notes one (raising events are not listed).
    const noted = await handleWarning(db, CITY, { name: '测试' }, { warningId: [...idsB][0], action: 'NOTE', note: '已联系二市核实' });
    expect(noted.ok).toBe(true);
    const all = await loadHandlingHistoryPage(db, CITY, { page: 1, pageSize: 10_000 });
    const a = await loadHandlingHistoryPage(db, CITY, { page: 1, pageSize: 10_000, pool: A });
    const b = await loadHandlingHistoryPage(db, CITY, { page: 1, pageSize: 10_000, pool: B });
    expect(b.total).toBeGreaterThan(0);
    expect(b.rows.every((r) => idsB.has(r.warningId))).toBe(true);
    expect(a.rows.some((r) => idsB.has(r.warningId))).toBe(false);
    expect(a.total + b.total).toBe(all.total);
  });

  it('the province comparison: each city its open warnings by severity; city scope only', async () => {
    const rows = await loadWarningsByCity(db, CITY, cities);
    expect(rows.map((r) => r.code)).toEqual(['439900', CITY_B]);
    expect(rows[0].counts).toEqual((await loadWarningSummary(db, CITY, undefined, A)).bySeverity);
    expect(rows[1].counts).toEqual((await loadWarningSummary(db, CITY, undefined, B)).bySeverity);
    await expect(loadWarningsByCity(db, { kind: 'county', regionCode: '439923' }, cities)).rejects.toThrow(ScopeError);
    await expect(loadWarningsByCity(db, { kind: 'public' }, cities)).rejects.toThrow(ScopeError);
  });

  it("city B's projection and sustainability read city B's fund only", async () => {
    const p = (await loadProjection(db, 'RESIDENT', undefined, B))!;
    expect(p.history.at(-1)).toMatchObject({ period: 202412, balance: CITY_B_POOL });
    const s = (await computeSustainability(db, 'RESIDENT', undefined, B))!;
    expect(s.history.expense.every(([, v]) => v === CITY_B_EXPENSE)).toBe(true);
    expect(s.history.balance.every(([, v]) => v === CITY_B_POOL)).toBe(true);
    // city B registered no contribution standard: missing, not the demo city's
    expect(s.context.contribution).toBeNull();
    const whole = (await computeSustainability(db, 'RESIDENT'))!;
    expect(whole.history.balance.at(-1)![1]).toBeGreaterThan(CITY_B_POOL);
  }, 60_000);

  it("最近评估 of a city: the latest run that evaluated it, with its own warnings' raised and closed counts", async () => {
    const run = (await db.prisma.riskEvaluation.findFirst({ orderBy: { id: 'desc' } }))!;
    expect(run.cityCode).toBeNull();
    const a = (await loadWarningSummary(db, CITY, undefined, A)).latest!;
    const b = (await loadWarningSummary(db, CITY, undefined, B)).latest!;
    expect([a.id, b.id]).toEqual([run.id, run.id]);
    // a run of every city: each city its share, the shares add up to what the run recorded
    expect(b.raised).toBeGreaterThan(0);
    expect(a.raised + b.raised).toBe(run.raised);
    expect(a.closed + b.closed).toBe(run.closed);
    expect(a.updated).toBeNull();
    // one city in view (no pool): the run's own counts
    expect((await loadWarningSummary(db, CITY)).latest).toMatchObject({ id: run.id, raised: run.raised, closed: run.closed, updated: run.updated });
  });

  it("re-evaluating one city rebuilds its warnings as a full run does and leaves the other city's as they are", async () => {
    const before = await db.prisma.riskWarning.findMany({ select: { ...SELECT, id: true, updatedAt: true }, orderBy: { id: 'asc' } });
    const inB = (w: { regionCode: string }) => B.includes(w.regionCode);
    await db.prisma.riskWarningEvent.deleteMany({ where: { warning: { regionCode: { in: B } } } });
    await db.prisma.riskWarning.deleteMany({ where: { regionCode: { in: B } } });
    const r = await evaluateWarnings(db, { trigger: 'MANUAL', actor: 'test', city: CITY_B });
    expect(r.raised).toBe(before.filter(inB).length);
    const after = await db.prisma.riskWarning.findMany({ select: { ...SELECT, id: true, updatedAt: true }, orderBy: { id: 'asc' } });
    expect(after.filter((w) => !inB(w))).toEqual(before.filter((w) => !inB(w)));
    const strip = (w: (typeof before)[number]) => Object.fromEntries(Object.entries(w).filter(([k]) => k !== 'id' && k !== 'updatedAt'));
    const key = (w: Record<string, unknown>) => `${w.ruleCode}|${w.subjectKey}|${w.firstPeriod}`;
    const sorted = (ws: typeof before) => ws.map(strip).sort((x, y) => key(x).localeCompare(key(y)));
    expect(sorted(after.filter(inB))).toEqual(sorted(before.filter(inB)));
    const own = (await db.prisma.riskEvaluation.findFirst({ orderBy: { id: 'desc' } }))!;
    expect(own.note).toContain(CITY_B);
    expect(own.cityCode).toBe(CITY_B);
    // 最近评估: city B's own run for city B, with its counts; city A still the last run that evaluated it
    expect((await loadWarningSummary(db, CITY, undefined, B)).latest).toMatchObject({ id: own.id, cityCode: CITY_B, raised: r.raised, closed: r.closed, updated: r.updated });
    const a = (await loadWarningSummary(db, CITY, undefined, A)).latest!;
    expect(a.id).toBeLessThan(own.id);
    expect(a.cityCode).toBeNull();
    await expect(evaluateWarnings(db, { city: '999900' })).rejects.toThrow(/未知的地市/);
  }, 120_000);

  it("数据截至 of a city: its own latest month up to the run's, not the warehouse's", async () => {
    // City B's data end two months earlier than the demo city's; a run of every city ends with the demo city's month.
    await db.prisma.ledgerFact.deleteMany({ where: { regionCode: { in: B }, period: { gt: 202410 } } });
    await db.prisma.balanceFact.deleteMany({ where: { regionCode: { in: B }, period: { gt: 202410 } } });
    const r = await evaluateWarnings(db, { trigger: 'SCRIPT', actor: 'test' });
    expect(r.dataThrough).toBe(202412);
    // A month of the demo city loaded after the run (no run yet): the run did not evaluate it, so not shown.
    const batchId = (await db.prisma.importBatch.findFirstOrThrow({ select: { id: true } })).id;
    await db.prisma.ledgerFact.create({ data: { regionCode: '439900', schemeCode: 'RESIDENT', account: 'POOL', period: 202501, item: 'INTEREST', amount: 1, batchId } });
    expect((await loadWarningSummary(db, CITY, undefined, B)).latest).toMatchObject({ id: r.evaluationId, dataThrough: 202410 });
    expect((await loadWarningSummary(db, CITY, undefined, A)).latest).toMatchObject({ id: r.evaluationId, dataThrough: 202412 });
    // a region filter inside city B: still city B's month
    expect((await loadWarningSummary(db, CITY, { region: COUNTY_B, rule: 'ALL' }, B)).latest!.dataThrough).toBe(202410);
    // no city selected: the run's own month
    expect((await loadWarningSummary(db, CITY)).latest!.dataThrough).toBe(202412);
    // the helper itself: each city's latest month, the warehouse's, and within a range
    expect(await lastLedgerPeriod(db, B)).toBe(202410);
    expect(await lastLedgerPeriod(db, A)).toBe(202501);
    expect(await lastLedgerPeriod(db, null)).toBe(202501);
    expect(await lastLedgerPeriod(db, B, { from: 202201, to: 202206 })).toBe(202206);
    expect(await lastLedgerPeriod(db, B, { from: 202411 })).toBeNull();
  }, 120_000);
});

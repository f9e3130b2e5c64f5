// The 风险预警 page's reads, on a demo city evaluated once, in SQLite and PostgreSQL: they read stored
// warnings (never recompute), honour the viewer's scope, and page and filter as the URL says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../../testing/databases';
import type { Db } from '../../db';
import { evaluateWarnings } from '../../risk/evaluate';
import { handleWarning } from '../../risk/workflow';
import { ScopeError } from '../scope';
import { parseRiskFilters, riskHref, type RiskFilters } from './filters';
import { loadHandlingHistory, loadHandlingHistoryPage } from './getHandlingHistory';
import { loadWarningDetail } from './getWarningDetail';
import { loadProjection } from './getProjection';
import { loadRuleDefinitions } from './getRuleDefinitions';
import { loadWarnings } from './getWarnings';
import { loadWarningSummary } from './getWarningSummary';

const base: RiskFilters = { status: 'open', severity: 'ALL', region: 'ALL', rule: 'ALL', page: 1, pscheme: 'RESIDENT' };

describe('risk URL filters', () => {
  it('parses with defaults and refuses unknown values', () => {
    expect(parseRiskFilters({}, { regionCodes: ['439923'] })).toEqual(base);
    expect(parseRiskFilters({ status: 'all', severity: 'SEVERE', region: '439923', rule: 'subsidy_shortfall', page: '2', pscheme: 'EMPLOYEE' }, { regionCodes: ['439923'] }))
      .toEqual({ status: 'all', severity: 'SEVERE', region: '439923', rule: 'subsidy_shortfall', page: 2, pscheme: 'EMPLOYEE' });
    expect(parseRiskFilters({ status: 'x', severity: 'y', region: '999999', rule: 'drop_table', page: '-1' }, { regionCodes: [] })).toEqual(base);
    expect(riskHref(base, { rule: 'coverage_drop' }, '#list')).toBe('/risk?rule=coverage_drop#list');
    expect(riskHref(base)).toBe('/risk');
    // the handling history's page: in the URL only past the first
    expect(parseRiskFilters({ hpage: '3' }, { regionCodes: [] })).toEqual({ ...base, hpage: 3 });
    expect(parseRiskFilters({ hpage: '1' }, { regionCodes: [] })).toEqual(base);
    expect(parseRiskFilters({ hpage: 'x' }, { regionCodes: [] })).toEqual(base);
    expect(riskHref({ ...base, hpage: 2 }, { rule: 'coverage_drop' }, '#history')).toBe('/risk?rule=coverage_drop&hpage=2#history');
    expect(riskHref(base, { hpage: 1 })).toBe('/risk');
    // a city selected among several: kept in every link, first
    const inCity = parseRiskFilters({ city: '470100', rule: 'coverage_drop' }, { regionCodes: [], city: '470100' });
    expect(inCity).toEqual({ ...base, rule: 'coverage_drop', city: '470100' });
    expect(riskHref(inCity, { page: 2 }, '#list')).toBe('/risk?city=470100&rule=coverage_drop&page=2#list');
    expect(riskHref(inCity, { rule: 'ALL' })).toBe('/risk?city=470100');
  });
});

describe.each(testDbKinds())('risk queries (%s)', (kind: TestDbKind) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind, 'demo'));
    await evaluateWarnings(db, { actor: 'test' });
  });
  afterAll(async () => drop?.());

  it('summary: open warnings by severity, region and rule add up', async () => {
    const s = await loadWarningSummary(db, { kind: 'city' });
    // the institution clues have cleared: they count at their worst month (all 严重)
    // 13 severe: the resident fund's P(<3 months within 12) ≈ 100% (reserve_shortfall_probability, issue 17)
    expect(s.bySeverity).toEqual({ SEVERE: 13, WARNING: 10, NOTICE: 1, total: 24 });
    expect(s.byRegion.reduce((a, r) => a + r.counts.total, 0)).toBe(24);
    expect(s.byRule.reduce((a, r) => a + r.counts.total, 0)).toBe(24);
    expect(s.byRegion[0]).toMatchObject({ code: '439900', name: '江临市（全市）' });
    expect(s.latest).toMatchObject({ dataThrough: 202412, raised: 36 });
  });

  it('a county sees only its own county; the public nothing', async () => {
    const s = await loadWarningSummary(db, { kind: 'county', regionCode: '439923' });
    expect(s.byRegion.map((r) => r.code)).toEqual(['439923']);
    await expect(loadWarningSummary(db, { kind: 'county', regionCode: '439923' }, { region: '439981', rule: 'ALL' })).rejects.toThrow(ScopeError);
    await expect(loadWarnings(db, { kind: 'public' }, base)).rejects.toThrow(ScopeError);
    const page = await loadWarnings(db, { kind: 'county', regionCode: '439923' }, { ...base, status: 'all' });
    expect(page.items.every((w) => w.regionCode === '439923')).toBe(true);
    expect(page.items.every((w) => w.actions.length > 0)).toBe(true);
  });

  it('list: most severe first, paged, with the stored figures, trend, threshold lines and history', async () => {
    const p1 = await loadWarnings(db, { kind: 'city' }, base, 10);
    expect(p1).toMatchObject({ total: 24, page: 1, pageCount: 3 });
    const ranks = p1.items.map((w) => ({ SEVERE: 3, WARNING: 2, NOTICE: 1 })[w.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const reserve = (await loadWarnings(db, { kind: 'city' }, { ...base, rule: 'reserve_months', region: '439900' })).items.find((w) => w.schemeCode === 'RESIDENT')!;
    expect(reserve.inputs.map((i) => i.label)).toContain('近12个月基金支出');
    expect(reserve.trend.at(-1)).toMatchObject({ period: 202412, severity: 'WARNING' });
    expect(reserve.lines.map((l) => l.value)).toEqual([3, 6, 15]);
    expect(reserve.events.map((e) => e.action)).toEqual(['RAISED']);
    expect(reserve.actions).toEqual(['VERIFY', 'FALSE_POSITIVE', 'NOTE']);
    // a page past the end shows the last page
    expect((await loadWarnings(db, { kind: 'city' }, { ...base, page: 99 }, 10)).page).toBe(3);
    // closed ones under status=all
    const all = await loadWarnings(db, { kind: 'city' }, { ...base, status: 'CLOSED' }, 100);
    expect(all.total).toBe(12);
  });

  it('rule definitions carry the thresholds in force and their versions', async () => {
    const rules = await loadRuleDefinitions(db);
    const reserve = rules.find((r) => r.code === 'reserve_months')!;
    expect(reserve.current).toMatchObject({ version: 1, changedBy: '系统默认', values: { severeBelow: 3, warnBelow: 6, excessAtLeast: 15 } });
    expect(reserve.indicators[0]).toMatchObject({ code: 'months_of_reserve', name: '累计结余可支付月数' });
    expect(reserve.history).toHaveLength(1);
  });

  it('handling history: newest first, without the raising events', async () => {
    const h = await loadHandlingHistory(db, { kind: 'city' });
    expect(h.length).toBeGreaterThan(0);
    expect(h.some((e) => e.action === '系统发出预警')).toBe(false);
    expect(h.some((e) => e.action === '系统自动解除')).toBe(true);
  });

  it('handling history by page: the same rows as the whole list, cut on the server; a page past the end is the last', async () => {
    const all = await loadHandlingHistory(db, { kind: 'city' }, { limit: 10_000 });
    const p1 = await loadHandlingHistoryPage(db, { kind: 'city' }, { page: 1, pageSize: 5 });
    expect(p1.total).toBe(all.length);
    expect(p1.pageCount).toBe(Math.ceil(all.length / 5));
    expect(p1.rows.map((r) => r.id)).toEqual(all.slice(0, 5).map((r) => r.id));
    const p2 = await loadHandlingHistoryPage(db, { kind: 'city' }, { page: 2, pageSize: 5 });
    expect(p2.rows.map((r) => r.id)).toEqual(all.slice(5, 10).map((r) => r.id));
    const last = await loadHandlingHistoryPage(db, { kind: 'city' }, { page: 999, pageSize: 5 });
    expect(last.page).toBe(p1.pageCount);
    const county = await loadHandlingHistoryPage(db, { kind: 'county', regionCode: '439923' }, { page: 1, pageSize: 50 });
    expect(county.total).toBeLessThan(all.length);
    await expect(loadHandlingHistoryPage(db, { kind: 'county', regionCode: '439923' }, { region: '439981', page: 1, pageSize: 5 })).rejects.toThrow(ScopeError);
  });

  it('a warning\'s details: formatted inputs, trend newest first, history, actions; a county only its own', async () => {
    const list = await loadWarnings(db, { kind: 'city' }, { ...base, rule: 'reserve_months', region: '439900' });
    const w = list.items.find((x) => x.schemeCode === 'RESIDENT')!;
    const r = await loadWarningDetail(db, { kind: 'city' }, w.id);
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.detail.inputs.map((i) => i.label)).toContain('近12个月基金支出');
    expect(r.detail.inputs.every((i) => i.text !== '')).toBe(true);
    expect(r.detail.trend[0]).toMatchObject({ period: '2024年12月', verdict: '警示', breach: true });
    expect(r.detail.trend).toHaveLength(w.trend.length);
    expect(r.detail.events.map((e) => e.action)).toEqual(['系统发出预警']);
    expect(r.detail.actions).toEqual(['VERIFY', 'FALSE_POSITIVE', 'NOTE']);
    // the city's warning is not a county's to open; a county's own is, with its actions
    expect((await loadWarningDetail(db, { kind: 'county', regionCode: '439923' }, w.id)).kind).toBe('forbidden');
    const own = (await loadWarnings(db, { kind: 'county', regionCode: '439923' }, { ...base, status: 'all' })).items[0];
    const mine = await loadWarningDetail(db, { kind: 'county', regionCode: '439923' }, own.id);
    expect(mine.kind).toBe('ok');
    expect(mine.kind === 'ok' && mine.detail.actions.length > 0).toBe(true);
    expect((await loadWarningDetail(db, { kind: 'city' }, 9_999_999)).kind).toBe('not-found');
    await expect(loadWarningDetail(db, { kind: 'public' }, w.id)).rejects.toThrow(ScopeError);
  });

  it("a city user bound to a city opens and answers that city's warnings, not another city's", async () => {
    const city = (await loadWarnings(db, { kind: 'city' }, { ...base, rule: 'reserve_months', region: '439900' })).items[0];
    const county = (await loadWarnings(db, { kind: 'county', regionCode: '439923' }, { ...base, status: 'all' })).items[0];
    const own = { kind: 'city' as const, cityCode: '439900' };
    const other = { kind: 'city' as const, cityCode: '439800' };
    for (const w of [city, county]) {
      const r = await loadWarningDetail(db, own, w.id);
      expect(r.kind).toBe('ok');
      expect(r.kind === 'ok' && r.detail.actions.length > 0).toBe(true);
      expect(await loadWarningDetail(db, other, w.id)).toEqual({ kind: 'forbidden' });
    }
    // the list offers a bound user actions on its own city's warnings only
    expect((await loadWarnings(db, own, { ...base, status: 'all' })).items.every((w) => w.actions.length > 0)).toBe(true);
    expect((await loadWarnings(db, other, { ...base, status: 'all' })).items.every((w) => w.actions.length === 0)).toBe(true);
    const events = await db.prisma.riskWarningEvent.count();
    await expect(handleWarning(db, other, { name: '他市医保局' }, { warningId: county.id, action: 'NOTE', note: '越权测试' })).rejects.toThrow(ScopeError);
    expect(await db.prisma.riskWarningEvent.count()).toBe(events);
    expect(await handleWarning(db, own, { name: '本市医保局' }, { warningId: county.id, action: 'NOTE', note: '本市处理' })).toMatchObject({ ok: true });
    expect(await db.prisma.riskWarningEvent.count()).toBe(events + 1);
  });

  it('projection: the resident balance runs out within the next few years at the current trend; maternity does not', async () => {
    const r = (await loadProjection(db, 'RESIDENT'))!;
    expect(r.lastPeriod).toBe(202412);
    expect(r.history).toHaveLength(36);
    expect(r.exhausted.central).toBeGreaterThan(202501);
    expect(r.exhausted.central).toBeLessThan(202801);
    expect(r.exhausted.low!).toBeLessThanOrEqual(r.exhausted.central!);
    expect(r.exhausted.central!).toBeLessThanOrEqual(r.exhausted.high!);
    expect(r.growth.expense.central).toBeGreaterThan(r.growth.income.central);
    expect((await loadProjection(db, 'MATERNITY'))!.exhausted.central).toBeNull();
  });
});

// Idempotent re-evaluation: planning against what the previous plan stored changes nothing; a condition
// that clears closes its warning with a note; people's decisions are kept.
import { describe, expect, it } from 'vitest';
import { findEpisodes } from './episodes';
import { planReconcile, type Change, type RuleOutcome, type StoredWarning } from './reconcile';
import type { Point, RuleParams, Severity, SubjectSeries } from './types';

const params: RuleParams = { minMonths: 1, clearMonths: 2 };

function series(key: string, severities: (Severity | null)[], from = 202401): SubjectSeries {
  const points: Point[] = severities.map((s, i) => ({
    period: from + i, value: 10 - i, severity: s, threshold: s ? 6 : null, detail: `第${i + 1}月`, inputs: [{ label: '值', value: 10 - i, unit: 'months' }],
  }));
  return { key, regionCode: '439923', schemeCode: 'RESIDENT', label: `对象${key}`, unit: 'months', points };
}

function outcome(list: SubjectSeries[], opts: Partial<RuleOutcome> = {}): RuleOutcome {
  const o: RuleOutcome = { code: 'reserve_months', autoClose: true, enabled: true, version: 1, params, series: list, episodes: new Map(), ...opts };
  for (const s of list) o.episodes.set(s.key, findEpisodes(s, o.params));
  return o;
}

/** Applies a plan to an in-memory store, as evaluate.ts does to the database. */
function apply(store: StoredWarning[], plan: Change[]): StoredWarning[] {
  let next = store.map((w) => ({ ...w }));
  let id = Math.max(0, ...store.map((w) => w.id));
  for (const c of plan) {
    if (c.kind === 'create') next.push({ ...c.fields, id: ++id, status: c.status });
    else next = next.map((w) => (w.id === c.id ? { ...w, ...c.fields, status: c.status ?? w.status } : w));
  }
  return next;
}

describe('planReconcile', () => {
  it('raises one warning per episode, and a second run changes nothing (idempotent)', () => {
    const rules = [outcome([series('a', [null, 'WARNING', 'SEVERE', 'WARNING']), series('b', [null, null, null, null])])];
    const first = planReconcile({ rules, existing: [], windowFrom: null });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'create', status: 'NEW', fields: { subjectKey: 'a', firstPeriod: 202402, lastPeriod: 202404, severity: 'WARNING', peakSeverity: 'SEVERE', valuePeriod: 202404, value: 7, threshold: 6, ruleVersion: 1 } });
    const c = first[0] as Extract<Change, { kind: 'create' }>;
    expect(c.events.map((e) => e.action)).toEqual(['RAISED']);
    expect(JSON.parse(c.fields.inputs)).toEqual([{ label: '值', value: 7, unit: 'months' }]);
    const stored = apply([], first);
    expect(planReconcile({ rules, existing: stored, windowFrom: null })).toEqual([]);
  });

  it('a condition that persists stays one warning, updated in place, escalating with a note', () => {
    const stored = apply([], planReconcile({ rules: [outcome([series('a', ['WARNING', 'WARNING'])])], existing: [], windowFrom: null }));
    const plan = planReconcile({ rules: [outcome([series('a', ['WARNING', 'WARNING', 'SEVERE'])])], existing: stored, windowFrom: null });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ kind: 'update', id: 1, fields: { lastPeriod: 202403, severity: 'SEVERE', peakSeverity: 'SEVERE' } });
    expect(plan[0].events.map((e) => e.action)).toEqual(['ESCALATED']);
  });

  it('a condition that clears closes the warning automatically with a note', () => {
    const stored = apply([], planReconcile({ rules: [outcome([series('a', ['WARNING', 'WARNING'])])], existing: [], windowFrom: null }));
    const plan = planReconcile({ rules: [outcome([series('a', ['WARNING', 'WARNING', null, null])])], existing: stored, windowFrom: null });
    expect(plan[0]).toMatchObject({ kind: 'update', status: 'CLOSED', fields: { clearedPeriod: 202404 } });
    expect(plan[0].events[0]).toMatchObject({ action: 'AUTO_CLOSE', fromStatus: 'NEW', toStatus: 'CLOSED' });
    expect(plan[0].events[0].note).toContain('连续2个月未达预警条件');
    // and stays closed on the next run
    expect(planReconcile({ rules: [outcome([series('a', ['WARNING', 'WARNING', null, null])])], existing: apply(stored, plan), windowFrom: null })).toEqual([]);
  });

  it('once cleared, a warning reports its worst month (not the fading tail)', () => {
    const plan = planReconcile({ rules: [outcome([series('a', ['WARNING', 'SEVERE', 'WARNING', null, null])], { autoClose: false })], existing: [], windowFrom: null });
    expect(plan[0]).toMatchObject({ kind: 'create', fields: { severity: 'SEVERE', valuePeriod: 202402, value: 9, lastPeriod: 202403, clearedPeriod: 202405 } });
  });

  it('fraud-clue rules keep the warning open when the measure recovers, noting it once', () => {
    const clue = (s: SubjectSeries) => outcome([s], { code: 'institution_cost_peer', autoClose: false });
    const stored = apply([], planReconcile({ rules: [clue(series('x', ['SEVERE', 'SEVERE']))], existing: [], windowFrom: null }));
    const plan = planReconcile({ rules: [clue(series('x', ['SEVERE', 'SEVERE', null, null]))], existing: stored, windowFrom: null });
    expect(plan[0].kind === 'update' && plan[0].status).toBeUndefined();
    expect(plan[0].events.map((e) => e.action)).toEqual(['CLEARED']);
    expect(plan[0].events[0].note).toContain('仍需人工核实');
    expect(planReconcile({ rules: [clue(series('x', ['SEVERE', 'SEVERE', null, null]))], existing: apply(stored, plan), windowFrom: null })).toEqual([]);
  });

  it('people keep their decisions: a disposed warning is updated but not reopened', () => {
    const stored = apply([], planReconcile({ rules: [outcome([series('a', ['WARNING'])])], existing: [], windowFrom: null }))
      .map((w) => ({ ...w, status: 'DISPOSED' as const }));
    const plan = planReconcile({ rules: [outcome([series('a', ['WARNING', 'SEVERE'])])], existing: stored, windowFrom: null });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ kind: 'update', fields: { severity: 'SEVERE' } });
    expect(plan[0].kind === 'update' && plan[0].status).toBeUndefined();
    expect(plan[0].events).toEqual([]);
  });

  it('a threshold change that removes the condition closes the open warning; restoring it reopens the same warning', () => {
    const stored = apply([], planReconcile({ rules: [outcome([series('a', ['WARNING', 'WARNING'])])], existing: [], windowFrom: null }));
    const v2 = outcome([series('a', [null, null])], { version: 2 });
    const plan = planReconcile({ rules: [v2], existing: stored, windowFrom: null });
    expect(plan[0]).toMatchObject({ kind: 'update', status: 'CLOSED', fields: {} });
    expect(plan[0].events[0].note).toContain('按规则第2版重新评估');
    const closed = apply(stored, plan);
    const v3 = outcome([series('a', ['WARNING', 'WARNING'])], { version: 3 });
    const back = planReconcile({ rules: [v3], existing: closed, windowFrom: null });
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ kind: 'update', id: 1, status: 'NEW', fields: { ruleVersion: 3 } });
    expect(back[0].events[0].action).toBe('REOPEN');
  });

  it('history that ended before the monitoring window is not raised; an episode reaching into it is', () => {
    const rules = [outcome([series('old', ['WARNING', null, null, null]), series('recent', [null, null, 'WARNING', 'WARNING'])])];
    const plan = planReconcile({ rules, existing: [], windowFrom: 202403 });
    expect(plan.map((c) => c.kind === 'create' && c.fields.subjectKey)).toEqual(['recent']);
  });

  it('an episode already over when first seen is stored closed, with both events', () => {
    const plan = planReconcile({ rules: [outcome([series('a', ['WARNING', null, null])])], existing: [], windowFrom: null });
    expect(plan[0]).toMatchObject({ kind: 'create', status: 'CLOSED' });
    expect(plan[0].events.map((e) => e.action)).toEqual(['RAISED', 'AUTO_CLOSE']);
  });

  it('a rule switched off closes its open warnings', () => {
    const stored = apply([], planReconcile({ rules: [outcome([series('a', ['WARNING'])])], existing: [], windowFrom: null }));
    const plan = planReconcile({ rules: [outcome([], { enabled: false, version: 2 })], existing: stored, windowFrom: null });
    expect(plan[0]).toMatchObject({ kind: 'update', status: 'CLOSED' });
    expect(plan[0].events[0].note).toContain('已停用');
  });
});

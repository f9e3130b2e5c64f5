// Re-evaluation is idempotent: the episodes found now are matched against the warnings already stored,
// so a condition that persists stays one warning (updated in place), one that clears is closed with a
// note, and running twice on the same data changes nothing. Pure: the plan is applied by evaluate.ts.
import { formatPeriod } from '../format';
import type { Episode } from './episodes';
import { trendOf } from './episodes';
import type { EventAction, RuleParams, Severity, SubjectSeries, WarningStatus } from './types';
import { isOpenStatus, SEVERITY_LABELS, severityRank } from './types';

/** The fields of a warning that evaluation owns (people own status and the handling history). */
export interface WarningFields {
  ruleCode: string;
  ruleVersion: number;
  subjectKey: string;
  subjectLabel: string;
  regionCode: string;
  schemeCode: string | null;
  institutionCode: string | null;
  firstPeriod: number;
  lastPeriod: number;
  clearedPeriod: number | null;
  severity: Severity;
  peakSeverity: Severity;
  valuePeriod: number | null;
  value: number;
  threshold: number | null;
  unit: string;
  detail: string;
  inputs: string;
  trend: string;
  currentPeriod: number;
  currentValue: number | null;
}

export interface StoredWarning extends WarningFields {
  id: number;
  status: WarningStatus;
}

export interface NewEvent {
  action: EventAction;
  fromStatus: WarningStatus | null;
  toStatus: WarningStatus;
  note: string;
}

export type Change =
  | { kind: 'create'; fields: WarningFields; status: WarningStatus; events: NewEvent[] }
  | { kind: 'update'; id: number; fields: Partial<WarningFields>; status?: WarningStatus; events: NewEvent[] };

/** What one rule produced in this evaluation. */
export interface RuleOutcome {
  code: string;
  autoClose: boolean;
  enabled: boolean;
  version: number;
  params: RuleParams;
  series: SubjectSeries[];
  /** subject key → its episodes, in time order */
  episodes: Map<string, Episode[]>;
}

/**
 * The fields a warning stores for an episode. While the condition holds it reports the latest month;
 * once cleared, the worst month (a cleared fraud clue is judged by its peak, not its fading tail).
 */
export function fieldsOf(o: Pick<RuleOutcome, 'code' | 'version'>, s: SubjectSeries, e: Episode): WarningFields {
  const shown = e.clearedPeriod === null ? e.latest : e.peak;
  return {
    ruleCode: o.code,
    ruleVersion: o.version,
    subjectKey: s.key,
    subjectLabel: s.label,
    regionCode: s.regionCode,
    schemeCode: s.schemeCode,
    institutionCode: s.institutionCode ?? null,
    firstPeriod: e.firstPeriod,
    lastPeriod: e.lastPeriod,
    clearedPeriod: e.clearedPeriod,
    severity: shown.severity!,
    peakSeverity: e.peakSeverity,
    valuePeriod: shown.period,
    value: shown.value,
    threshold: shown.threshold,
    unit: s.unit,
    detail: shown.detail,
    inputs: JSON.stringify(shown.inputs),
    trend: JSON.stringify(trendOf(s, e)),
    currentPeriod: e.current.period,
    currentValue: e.current.value,
  };
}

const sameNumber = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** The fields that differ (numbers compared with a relative tolerance of 1e-9: a database round trip is exact, float noise is not a change). */
export function changedFields(stored: WarningFields, next: WarningFields): Partial<WarningFields> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof WarningFields)[]) {
    const a = stored[k];
    const b = next[k];
    const same = typeof a === 'number' || typeof b === 'number' ? sameNumber(a as number | null, b as number | null) : a === b;
    if (!same) out[k] = b;
  }
  return out as Partial<WarningFields>;
}

function clearNote(e: Episode, p: RuleParams, autoClose: boolean): string {
  const tail = autoClose ? '预警自动解除' : '该线索仍需人工核实处置';
  if (e.dataEnded) {
    return `${formatPeriod(e.current.period)}之后该对象无数据（如已并入市级统筹、机构已停止结算），${tail}。`;
  }
  return `截至${formatPeriod(e.clearedPeriod)}连续${p.clearMonths}个月未达预警条件（${e.current.detail}），${tail}。`;
}

function raisedNote(o: RuleOutcome, e: Episode): string {
  return `${e.latest.detail}。自${formatPeriod(e.firstPeriod)}起触发（规则第${o.version}版）。`;
}

/**
 * Plans the changes that bring the stored warnings in line with the episodes found now.
 * - An episode overlapping a stored warning of the same rule and subject is that warning: its figures are
 *   updated; it is closed when the condition cleared (rules with `autoClose`), or reopened if it had been
 *   closed by the system and the condition holds again.
 * - A new episode becomes a new warning, unless it ended before `windowFrom` (history outside the
 *   monitoring window is not raised on a first evaluation).
 * - An open warning no episode matches any more (thresholds changed, data corrected, rule switched off)
 *   is closed with a note. Warnings people closed (已处置, 误报) keep their status.
 */
export function planReconcile(input: { rules: RuleOutcome[]; existing: StoredWarning[]; windowFrom: number | null }): Change[] {
  const changes: Change[] = [];
  const existingByRule = new Map<string, StoredWarning[]>();
  for (const w of input.existing) {
    const list = existingByRule.get(w.ruleCode) ?? [];
    list.push(w);
    existingByRule.set(w.ruleCode, list);
  }

  for (const o of input.rules) {
    const stored = existingByRule.get(o.code) ?? [];
    existingByRule.delete(o.code);
    if (!o.enabled) {
      for (const w of stored) {
        if (isOpenStatus(w.status)) {
          changes.push({ kind: 'update', id: w.id, fields: {}, status: 'CLOSED', events: [{ action: 'AUTO_CLOSE', fromStatus: w.status, toStatus: 'CLOSED', note: '该预警规则已停用，预警自动解除。' }] });
        }
      }
      continue;
    }
    const bySubject = new Map<string, StoredWarning[]>();
    for (const w of stored) {
      const list = bySubject.get(w.subjectKey) ?? [];
      list.push(w);
      bySubject.set(w.subjectKey, list);
    }
    for (const list of bySubject.values()) list.sort((a, b) => a.firstPeriod - b.firstPeriod || a.id - b.id);
    const matched = new Set<number>();

    for (const s of o.series) {
      const candidates = bySubject.get(s.key) ?? [];
      for (const e of o.episodes.get(s.key) ?? []) {
        const w = candidates.find((c) => !matched.has(c.id) && c.firstPeriod <= e.lastPeriod && e.firstPeriod <= c.lastPeriod);
        const next = fieldsOf(o, s, e);
        const cleared = e.clearedPeriod !== null;
        if (!w) {
          if (input.windowFrom !== null && e.lastPeriod < input.windowFrom) continue;
          const events: NewEvent[] = [{ action: 'RAISED', fromStatus: null, toStatus: 'NEW', note: raisedNote(o, e) }];
          let status: WarningStatus = 'NEW';
          if (cleared && o.autoClose) {
            status = 'CLOSED';
            events.push({ action: 'AUTO_CLOSE', fromStatus: 'NEW', toStatus: 'CLOSED', note: clearNote(e, o.params, true) });
          } else if (cleared) {
            events.push({ action: 'CLEARED', fromStatus: 'NEW', toStatus: 'NEW', note: clearNote(e, o.params, false) });
          }
          changes.push({ kind: 'create', fields: next, status, events });
          continue;
        }
        matched.add(w.id);
        const fields = changedFields(w, next);
        const events: NewEvent[] = [];
        let status: WarningStatus | undefined;
        if (isOpenStatus(w.status)) {
          if (cleared && o.autoClose) {
            status = 'CLOSED';
            events.push({ action: 'AUTO_CLOSE', fromStatus: w.status, toStatus: 'CLOSED', note: clearNote(e, o.params, true) });
          } else if (cleared && w.clearedPeriod === null) {
            events.push({ action: 'CLEARED', fromStatus: w.status, toStatus: w.status, note: clearNote(e, o.params, false) });
          } else if (!cleared && severityRank(next.severity) > severityRank(w.severity)) {
            events.push({
              action: 'ESCALATED', fromStatus: w.status, toStatus: w.status,
              note: `严重程度由${SEVERITY_LABELS[w.severity]}升为${SEVERITY_LABELS[next.severity]}：${formatPeriod(e.lastPeriod)}${e.latest.detail}。`,
            });
          }
        } else if (w.status === 'CLOSED' && !cleared) {
          status = 'NEW';
          events.push({ action: 'REOPEN', fromStatus: 'CLOSED', toStatus: 'NEW', note: `预警条件仍然存在（${formatPeriod(e.lastPeriod)}：${e.latest.detail}），重新打开（规则第${o.version}版）。` });
        }
        if (Object.keys(fields).length > 0 || status !== undefined || events.length > 0) {
          changes.push({ kind: 'update', id: w.id, fields, status, events });
        }
      }
    }
    for (const w of stored) {
      if (matched.has(w.id) || !isOpenStatus(w.status)) continue;
      // The figures stay those of the version that raised it; the note names the version that closed it.
      changes.push({
        kind: 'update', id: w.id, fields: {}, status: 'CLOSED',
        events: [{ action: 'AUTO_CLOSE', fromStatus: w.status, toStatus: 'CLOSED', note: `按规则第${o.version}版重新评估，${formatPeriod(w.firstPeriod)}—${formatPeriod(w.lastPeriod)}不再满足预警条件（阈值调整或数据更正），预警自动解除。` }],
      });
    }
  }
  // Warnings of rules that no longer exist in code: leave them as history.
  return changes;
}

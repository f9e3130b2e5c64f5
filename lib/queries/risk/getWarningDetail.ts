import 'server-only';
// One warning's details as the 风险预警 list shows them when a row is opened: the figures behind its value,
// its trend month by month, its handling history and what the viewer may do with it. Fetched on opening
// (app/(site)/api/risk/warnings/[id]) instead of inlined for every warning of the list: the page stays
// small, and the handling history is always the current one. Display strings are formatted here, so the
// browser needs no number or date formatting code for them.
import type { Db } from '../../db';
import { formatPeriod, formatValue } from '../../format';
import type { IndicatorUnit } from '../../indicators/types';
import { getRule, isRuleCode } from '../../risk/rules';
import { EVENT_LABELS, SEVERITY_LABELS, STATUS_LABELS, type EventAction, type InputFigure, type WarningStatus } from '../../risk/types';
import { allowedActions, canHandle, type HandleAction } from '../../risk/workflow';
import { formatDateTimeZh } from '../../dates';
import { boundCity, requireCityOrCounty, type Scope } from '../scope';
import { cityOfStoredRegion } from '../pool';
import { parseJson, type TrendPoint } from './warningViews';

export interface WarningDetail {
  id: number;
  /** '2024年12月': the month of the value the inputs explain */
  valuePeriod: string;
  inputs: { label: string; text: string; numeric: boolean }[];
  /** newest first */
  trend: { period: string; value: string; verdict: string; breach: boolean }[];
  events: { id: number; when: string; actor: string; action: string; change: string | null; note: string }[];
  /** what this viewer may do with it (empty when it is not theirs to answer) */
  actions: HandleAction[];
  /** false for fraud clues: they stay open for manual handling after the figure recovers */
  autoClose: boolean;
}

export type WarningDetailResult = { kind: 'ok'; detail: WarningDetail } | { kind: 'not-found' } | { kind: 'forbidden' };

/** A stored figure as shown; a missing one stays '—' (never 0). */
function figure(v: InputFigure): string {
  if (v.value === null || v.value === undefined) return '—';
  if (typeof v.value === 'string') return v.value;
  if (v.unit === 'period') return formatPeriod(v.value);
  if (v.unit === 'text' || !v.unit) return String(v.value);
  return formatValue(v.value, v.unit as IndicatorUnit, { digits: v.digits });
}

/** A warning's measure in its unit (robust z-scores, unit 'count', with one decimal), as on the card. */
const measure = (value: number | null, unit: string) => formatValue(value, unit as IndicatorUnit, { digits: unit === 'count' ? 1 : undefined });

/**
 * The details of warning `id` for `scope`: a county may open only its own county's warnings (the list
 * shows it no other), a city user bound to a city that city's, the city every one, the public none (ScopeError).
 */
export async function loadWarningDetail(db: Db, scope: Scope, id: number): Promise<WarningDetailResult> {
  requireCityOrCounty(scope);
  const w = await db.prisma.riskWarning.findUnique({ where: { id } });
  if (!w) return { kind: 'not-found' };
  if (scope.kind === 'county' && w.regionCode !== scope.regionCode) return { kind: 'forbidden' };
  // A city user bound to a city: that city's warnings only (its own code's and its counties').
  const bound = boundCity(scope);
  const cityCode = bound === null ? null : await cityOfStoredRegion(db, w.regionCode);
  if (bound !== null && cityCode !== bound) return { kind: 'forbidden' };
  const events = await db.prisma.riskWarningEvent.findMany({ where: { warningId: id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const trend = parseJson<TrendPoint[]>(w.trend, []);
  return {
    kind: 'ok',
    detail: {
      id: w.id,
      valuePeriod: formatPeriod(w.valuePeriod ?? w.lastPeriod),
      inputs: parseJson<InputFigure[]>(w.inputs, []).map((f) => ({ label: f.label, text: figure(f), numeric: typeof f.value === 'number' })),
      trend: [...trend].reverse().map((p) => ({
        period: formatPeriod(p.period), value: measure(p.value, w.unit), verdict: p.severity ? SEVERITY_LABELS[p.severity] : '正常', breach: p.severity !== null,
      })),
      events: events.map((e) => ({
        id: e.id,
        when: formatDateTimeZh(e.at.toISOString()),
        actor: e.actor,
        action: EVENT_LABELS[e.action as EventAction] ?? e.action,
        change: e.fromStatus && e.fromStatus !== e.toStatus ? `${STATUS_LABELS[e.fromStatus as WarningStatus]} → ${STATUS_LABELS[e.toStatus as WarningStatus]}` : null,
        note: e.note,
      })),
      actions: canHandle(scope, { regionCode: w.regionCode, cityCode }) ? allowedActions(w.status as WarningStatus) : [],
      autoClose: isRuleCode(w.ruleCode) ? getRule(w.ruleCode).autoClose : true,
    },
  };
}

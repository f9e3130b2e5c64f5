/**
 * Difference-in-differences for counties that moved to city-level pooling in different months
 * (staggered adoption), on a unit × month panel.
 *
 * (a) twfeDid: y_it = α_i + λ_t + β·D_it + ε_it, D_it = 1 once unit i is pooled. Cluster-robust (CR1) SEs by
 *     unit with t(G − 1) critical values, because a city has only ~10 counties and normal critical values
 *     over-reject with so few clusters (Cameron & Miller 2015).
 * (b) eventStudy: the same with relative-time bin dummies instead of D, reference bin = the year (or bin)
 *     just before pooling, open-ended bins at both ends; Wald test that all lead bins are zero.
 * (c) stackedDid: one sub-experiment per adoption cohort with only clean controls (never pooled, or pooled after
 *     the window), stacked with cohort-specific unit and period effects (Cengiz et al. 2019).
 *
 * Caveat on (a)/(b) — why (c) exists: with staggered adoption, TWFE silently uses already-pooled counties as
 * controls for later ones. If the effect is constant across cohorts and time it is unbiased; if the effect
 * grows over time or differs by cohort, β is a weighted average with possibly negative weights
 * (Goodman-Bacon 2021; de Chaisemartin & D'Haultfœuille 2020) and event-study leads can be contaminated by
 * lags (Sun & Abraham 2021). When twfe and stacked disagree materially, trust the stacked estimate.
 */
import { wildClusterBootstrapWald } from './bootstrap';
import { type Estimate, type WaldTest, makeEstimate, waldTest } from './inference';
import { type Matrix, SingularMatrixError } from './linalg';
import { clusterRobust, ols } from './ols';
import { indexToPeriod, periodToIndex } from './period';

export interface PanelRow {
  unit: string;
  /** YYYYMM */
  period: number;
  value: number;
  /** YYYYMM of the unit's first pooled month; null = never pooled in the data. Must be the same on all rows of a unit. */
  treatedFrom: number | null;
}

interface PreparedRow {
  unit: string;
  idx: number;
  value: number;
  /** month index of adoption, or null */
  g: number | null;
}

interface PreparedPanel {
  rows: PreparedRow[];
  units: string[];
  treatedUnits: string[];
  neverTreatedUnits: string[];
  cohorts: number[];
}

function preparePanel(panel: PanelRow[]): PreparedPanel {
  if (panel.length === 0) throw new Error('Empty panel');
  const seen = new Set<string>();
  const adoption = new Map<string, number | null>();
  const rows: PreparedRow[] = panel.map((r, i) => {
    if (typeof r.unit !== 'string' || r.unit === '') throw new Error(`Row ${i}: unit must be a non-empty string`);
    if (!Number.isFinite(r.value)) throw new Error(`Row ${i} (${r.unit}, ${r.period}): value is not a finite number`);
    const idx = periodToIndex(r.period);
    const key = `${r.unit}\u0000${idx}`;
    if (seen.has(key)) throw new Error(`Duplicate row for unit ${r.unit}, period ${r.period}`);
    seen.add(key);
    const g = r.treatedFrom === null || r.treatedFrom === undefined ? null : periodToIndex(r.treatedFrom);
    if (adoption.has(r.unit) && adoption.get(r.unit) !== g) {
      throw new Error(`Unit ${r.unit} has inconsistent treatedFrom values`);
    }
    adoption.set(r.unit, g);
    return { unit: r.unit, idx, value: r.value, g };
  });
  // Deterministic order regardless of input order (results must not depend on row order).
  rows.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.idx - b.idx));
  const units = [...adoption.keys()].sort();
  const treatedUnits = units.filter((u) => adoption.get(u) !== null);
  const neverTreatedUnits = units.filter((u) => adoption.get(u) === null);
  const cohorts = [...new Set(treatedUnits.map((u) => adoption.get(u) as number))].sort((a, b) => a - b);
  if (units.length < 2) throw new Error('DiD needs at least two units');
  if (treatedUnits.length === 0) throw new Error('No treated unit in the panel (all treatedFrom are null)');
  return { rows, units, treatedUnits, neverTreatedUnits, cohorts };
}

interface FeFit {
  /** Coefficients of the extra columns. */
  coefficients: number[];
  /** Cluster-robust covariance of the extra coefficients. */
  covariance: Matrix;
  nClusters: number;
  nObs: number;
  /** Kept for the wild bootstrap: full design, response, clusters, bread, and column index of extra k. */
  X: Matrix;
  y: number[];
  clusters: string[];
  xtxInv: Matrix;
  extraCols: number[];
}

/**
 * OLS of y on unit FE + period FE + `extra` columns, cluster-robust covariance of the extra coefficients.
 * Unit FE are nested in the clusters (not counted in the small-sample K).
 *
 * `periodGroups` (stacked designs): the group (stack) of each row. Each stack has its own unit and period
 * effects, so within a stack the period dummies sum to the stack's unit dummies; one period level per group
 * is dropped to keep the design full rank. Without it, one reference period overall.
 */
function fitWithFixedEffects(
  y: number[],
  unitKeys: string[],
  periodKeys: string[],
  clusterKeys: string[],
  extra: number[][],
  extraNames: string[],
  periodGroups?: string[],
): FeFit {
  const n = y.length;
  const uList = [...new Set(unitKeys)].sort();
  const groupOf = new Map<string, string>();
  periodKeys.forEach((k, i) => groupOf.set(k, periodGroups ? periodGroups[i] : ''));
  const seenGroup = new Set<string>();
  // Reference period = first level of each group (in sorted order): those get no column.
  const pList = [...new Set(periodKeys)].sort().filter((k) => {
    const g = groupOf.get(k) as string;
    if (seenGroup.has(g)) return true;
    seenGroup.add(g);
    return false;
  });
  const uPos = new Map(uList.map((u, i) => [u, i]));
  const pPos = new Map(pList.map((p, i) => [p, i + 1]));
  const nU = uList.length - 1; // first unit is the reference
  const nP = pList.length;
  const q = extraNames.length;
  const p = 1 + nU + nP + q;
  const names = ['intercept', ...uList.slice(1).map((u) => `unit:${u}`), ...pList.map((t) => `period:${t}`), ...extraNames];
  const X: Matrix = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p).fill(0);
    row[0] = 1;
    const ui = uPos.get(unitKeys[i]) as number;
    if (ui > 0) row[ui] = 1;
    const pi = pPos.get(periodKeys[i]);
    if (pi !== undefined) row[nU + pi] = 1;
    for (let k = 0; k < q; k++) row[1 + nU + nP + k] = extra[i][k];
    X[i] = row;
  }
  let fit;
  try {
    fit = ols(X, y, { names });
  } catch (e) {
    if (e instanceof SingularMatrixError && e.column >= 1 + nU + nP) {
      throw new SingularMatrixError(
        `${e.message}. The treatment/event-time term "${names[e.column]}" is not identified: it needs ` +
          `comparison units (never or not-yet pooled) observed in the same months`,
        e.column,
      );
    }
    throw e;
  }
  const rows = extraNames.map((_, k) => 1 + nU + nP + k);
  const cr = clusterRobust(X, fit.residuals, clusterKeys, { xtxInv: fit.xtxInv, absorbedParams: nU, rows });
  return {
    coefficients: rows.map((r) => fit.coefficients[r]),
    covariance: cr.covariance,
    nClusters: cr.nClusters,
    nObs: n,
    X,
    y,
    clusters: clusterKeys,
    xtxInv: fit.xtxInv,
    extraCols: rows,
  };
}

/** Wild cluster bootstrap settings; false disables it. Default 9999 replications, fixed seed (deterministic). */
export type BootstrapOption = false | { replications?: number; seed?: number };

function bootstrapP(fit: FeFit, cols: number[], opt: BootstrapOption | undefined): number | null {
  if (opt === false) return null;
  return wildClusterBootstrapWald(fit.X, fit.y, fit.clusters, cols, {
    replications: opt?.replications ?? 9999,
    seed: opt?.seed,
    xtxInv: fit.xtxInv,
  }).p;
}

function fewClusterWarnings(nClusters: number, warnings: string[]): void {
  if (nClusters < 10) {
    warnings.push(
      `Only ${nClusters} clusters (units): cluster-robust SEs are approximate; intervals use t(${nClusters - 1})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// (a) Two-way fixed effects

export interface TwfeResult {
  /** Average effect of pooling on the outcome (outcome units), with cluster-robust SE and t(G−1) interval. */
  estimate: Estimate;
  /** Wild cluster bootstrap p-value for H0: no effect (more reliable than estimate.p with few units). */
  pBootstrap: number | null;
  nObs: number;
  nUnits: number;
  nTreatedUnits: number;
  nNeverTreatedUnits: number;
  nPeriods: number;
  nClusters: number;
  level: number;
  warnings: string[];
}

export function twfeDid(panel: PanelRow[], options: { level?: number; bootstrap?: BootstrapOption } = {}): TwfeResult {
  const level = options.level ?? 0.95;
  const P = preparePanel(panel);
  const warnings: string[] = [];
  if (P.neverTreatedUnits.length === 0 && P.cohorts.length === 1) {
    throw new Error('All units are pooled in the same month and none is a control: DiD is not identified');
  }
  if (P.neverTreatedUnits.length === 0) {
    warnings.push('No never-pooled unit: the effect is identified only from differences in pooling timing');
  }
  const firstSeen = new Map<string, number>();
  for (const r of P.rows) if (!firstSeen.has(r.unit)) firstSeen.set(r.unit, r.idx); // rows sorted by unit, month
  const alwaysTreated = P.rows.filter((r) => r.g !== null && r.idx === firstSeen.get(r.unit) && r.g <= r.idx);
  if (alwaysTreated.length > 0) {
    warnings.push(
      `${alwaysTreated.map((r) => r.unit).join(', ')} pooled before the first observed month: no before/after ` +
        `contrast, so they only serve as (already pooled) comparisons`,
    );
  }
  const y = P.rows.map((r) => r.value);
  const D = P.rows.map((r) => [r.g !== null && r.idx >= r.g ? 1 : 0]);
  const fit = fitWithFixedEffects(
    y,
    P.rows.map((r) => r.unit),
    P.rows.map((r) => String(r.idx)),
    P.rows.map((r) => r.unit),
    D,
    ['treatedPost'],
  );
  fewClusterWarnings(fit.nClusters, warnings);
  return {
    estimate: makeEstimate(fit.coefficients[0], Math.sqrt(fit.covariance[0][0]), level, {
      kind: 't',
      df: fit.nClusters - 1,
    }),
    pBootstrap: bootstrapP(fit, fit.extraCols, options.bootstrap),
    nObs: fit.nObs,
    nUnits: P.units.length,
    nTreatedUnits: P.treatedUnits.length,
    nNeverTreatedUnits: P.neverTreatedUnits.length,
    nPeriods: new Set(P.rows.map((r) => r.idx)).size,
    nClusters: fit.nClusters,
    level,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------------------
// (b) Event study

export interface EventStudyOptions {
  /** Months before pooling covered by individual bins (multiple of binWidth). Default 24. */
  leads?: number;
  /** Months from pooling on covered by individual bins (multiple of binWidth). Default 36. */
  lags?: number;
  /** Bin width in months: 12 = years, 3 = quarters. Default 12. */
  binWidth?: number;
  level?: number;
  bootstrap?: BootstrapOption;
}

export interface EventTimeEstimate extends Estimate {
  /** Bin label, e.g. "-24..-13", "<=-25", ">=36" (months relative to the pooling month). */
  label: string;
  /** First relative month of the bin (null = open-ended below). */
  relFrom: number | null;
  /** Last relative month of the bin (null = open-ended above). */
  relTo: number | null;
  /** true for the omitted reference bin (estimate 0 by construction, se 0). */
  reference: boolean;
  /** Open-ended bin collecting everything beyond the window — not a clean dynamic effect. */
  endpoint: boolean;
  /** Treated-unit observations in the bin. */
  nObs: number;
}

export interface EventStudyResult {
  bins: EventTimeEstimate[];
  /**
   * Joint Wald test that all lead (pre-pooling) bins are zero; null if there are no lead bins.
   * p: χ² (asymptotic, over-rejects with few units); pF: F(q, G−1); pBootstrap: wild cluster bootstrap —
   * prefer pBootstrap for decisions.
   */
  preTrend: (WaldTest & { pBootstrap: number | null }) | null;
  nObs: number;
  nClusters: number;
  level: number;
  warnings: string[];
}

interface BinSpec {
  key: number;
  label: string;
  relFrom: number | null;
  relTo: number | null;
  endpoint: boolean;
}

function binSpecs(leads: number, lags: number, w: number): { specs: BinSpec[]; binOf: (rel: number) => number } {
  for (const [name, v] of [
    ['leads', leads],
    ['lags', lags],
  ] as const) {
    if (!(Number.isInteger(v) && v >= w && v % w === 0)) {
      throw new Error(`eventStudy: ${name} must be a positive multiple of binWidth (${w})`);
    }
  }
  const kMin = -leads / w;
  const kMax = lags / w - 1;
  const specs: BinSpec[] = [{ key: kMin - 1, label: `<=${-leads - 1}`, relFrom: null, relTo: -leads - 1, endpoint: true }];
  for (let k = kMin; k <= kMax; k++) {
    specs.push({ key: k, label: `${k * w}..${(k + 1) * w - 1}`, relFrom: k * w, relTo: (k + 1) * w - 1, endpoint: false });
  }
  specs.push({ key: kMax + 1, label: `>=${lags}`, relFrom: lags, relTo: null, endpoint: true });
  const binOf = (rel: number) => (rel < -leads ? kMin - 1 : rel >= lags ? kMax + 1 : Math.floor(rel / w));
  return { specs, binOf };
}

export function eventStudy(panel: PanelRow[], options: EventStudyOptions = {}): EventStudyResult {
  const level = options.level ?? 0.95;
  const w = options.binWidth ?? 12;
  const leads = options.leads ?? 24;
  const lags = options.lags ?? 36;
  if (!(Number.isInteger(w) && w >= 1)) throw new Error('eventStudy: binWidth must be a positive integer');
  const { specs, binOf } = binSpecs(leads, lags, w);
  const P = preparePanel(panel);
  const warnings: string[] = [];
  const REF = -1; // the bin [−w, −1]: the last pre-pooling year/quarter

  const binOfRow = P.rows.map((r) => (r.g === null ? null : binOf(r.idx - r.g)));
  const counts = new Map<number, number>();
  for (const b of binOfRow) if (b !== null) counts.set(b, (counts.get(b) ?? 0) + 1);
  if (!counts.get(REF)) throw new Error('eventStudy: no treated observation in the reference bin (the period just before pooling)');
  // Estimated bins: everything observed except the reference. Empty bins are simply not estimable.
  const estimated = specs.filter((s) => s.key !== REF && (counts.get(s.key) ?? 0) > 0);
  for (const s of specs) {
    if (!s.endpoint && s.key !== REF && !counts.get(s.key)) warnings.push(`No treated observations in bin ${s.label}`);
  }
  const col = new Map(estimated.map((s, k) => [s.key, k]));
  const extra = binOfRow.map((b) => {
    const row = new Array<number>(estimated.length).fill(0);
    if (b !== null && col.has(b)) row[col.get(b) as number] = 1;
    return row;
  });
  const fit = fitWithFixedEffects(
    P.rows.map((r) => r.value),
    P.rows.map((r) => r.unit),
    P.rows.map((r) => String(r.idx)),
    P.rows.map((r) => r.unit),
    extra,
    estimated.map((s) => `event:${s.label}`),
  );
  fewClusterWarnings(fit.nClusters, warnings);
  const dist = { kind: 't' as const, df: fit.nClusters - 1 };
  const bins: EventTimeEstimate[] = specs
    .filter((s) => s.key === REF || col.has(s.key))
    .map((s) => {
      const base = { label: s.label, relFrom: s.relFrom, relTo: s.relTo, endpoint: s.endpoint, nObs: counts.get(s.key) ?? 0 };
      if (s.key === REF) return { ...base, reference: true, estimate: 0, se: 0, ciLow: 0, ciHigh: 0, p: NaN };
      const k = col.get(s.key) as number;
      return {
        ...base,
        reference: false,
        ...makeEstimate(fit.coefficients[k], Math.sqrt(fit.covariance[k][k]), level, dist),
      };
    });

  const leadIdx = estimated.filter((s) => s.key < REF).map((s) => col.get(s.key) as number);
  let preTrend: EventStudyResult['preTrend'] = null;
  if (leadIdx.length > 0) {
    if (leadIdx.length > fit.nClusters - 1) {
      warnings.push(
        `Pre-trend test: ${leadIdx.length} lead bins but only ${fit.nClusters} clusters — the cluster-robust ` +
          `covariance cannot support the joint test; use wider bins`,
      );
    } else {
      try {
        const wt = waldTest(fit.coefficients, fit.covariance, leadIdx, fit.nClusters - 1);
        const pBoot = bootstrapP(fit, leadIdx.map((k) => fit.extraCols[k]), options.bootstrap);
        preTrend = { ...wt, pBootstrap: pBoot };
      } catch (e) {
        if (!(e instanceof SingularMatrixError)) throw e;
        warnings.push('Pre-trend test: covariance of the lead coefficients is singular; test not computed');
      }
    }
  }
  return { bins, preTrend, nObs: fit.nObs, nClusters: fit.nClusters, level, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// (c) Stacked DiD with clean controls

export interface StackedOptions {
  /** Months before the cohort's pooling month kept in its sub-experiment. Default 24. */
  leads?: number;
  /** Months from the pooling month on kept in its sub-experiment. Default 24. */
  lags?: number;
  level?: number;
  bootstrap?: BootstrapOption;
}

export interface StackedCohort {
  /** YYYYMM pooling month of the cohort. */
  cohort: number;
  treatedUnits: string[];
  controlUnits: string[];
  nObs: number;
}

export interface StackedResult {
  estimate: Estimate;
  /** Wild cluster bootstrap p-value for H0: no effect. */
  pBootstrap: number | null;
  cohorts: StackedCohort[];
  /** Cohorts left out (no clean control or no pre/post data in the window), with the reason. */
  droppedCohorts: { cohort: number; reason: string }[];
  nObs: number;
  nClusters: number;
  level: number;
  warnings: string[];
}

export function stackedDid(panel: PanelRow[], options: StackedOptions = {}): StackedResult {
  const level = options.level ?? 0.95;
  const leads = options.leads ?? 24;
  const lags = options.lags ?? 24;
  if (!(Number.isInteger(leads) && leads >= 1 && Number.isInteger(lags) && lags >= 1)) {
    throw new Error('stackedDid: leads and lags must be positive integers (months)');
  }
  const P = preparePanel(panel);
  const warnings: string[] = [];
  const unitG = new Map(P.rows.map((r) => [r.unit, r.g]));
  const y: number[] = [];
  const uKeys: string[] = [];
  const pKeys: string[] = [];
  const cKeys: string[] = [];
  const D: number[][] = [];
  const cohorts: StackedCohort[] = [];
  const dropped: { cohort: number; reason: string }[] = [];

  for (const g of P.cohorts) {
    const lo = g - leads;
    const hi = g + lags - 1;
    const treated = P.units.filter((u) => unitG.get(u) === g);
    // Clean controls: not pooled at any point inside this cohort's window.
    const controls = P.units.filter((u) => {
      const gu = unitG.get(u);
      return gu === null || (gu as number) > hi;
    });
    const inWin = P.rows.filter((r) => r.idx >= lo && r.idx <= hi);
    const tRows = inWin.filter((r) => r.g === g);
    const cohortLabel = indexToPeriod(g);
    if (controls.length === 0) {
      dropped.push({ cohort: cohortLabel, reason: 'no never-pooled or later-pooled unit to compare with' });
      continue;
    }
    if (!tRows.some((r) => r.idx < g) || !tRows.some((r) => r.idx >= g)) {
      dropped.push({ cohort: cohortLabel, reason: 'no treated observations before or after pooling in the window' });
      continue;
    }
    const controlSet = new Set(controls);
    const cRows = inWin.filter((r) => controlSet.has(r.unit));
    for (const r of [...tRows, ...cRows]) {
      y.push(r.value);
      uKeys.push(`${g}|${r.unit}`);
      pKeys.push(`${g}|${r.idx}`);
      cKeys.push(r.unit);
      D.push([r.g === g && r.idx >= g ? 1 : 0]);
    }
    cohorts.push({ cohort: cohortLabel, treatedUnits: treated, controlUnits: controls, nObs: tRows.length + cRows.length });
  }
  if (cohorts.length === 0) throw new Error('stackedDid: no cohort has clean controls in its window');
  for (const d of dropped) warnings.push(`Cohort ${d.cohort} dropped: ${d.reason}`);
  const fit = fitWithFixedEffects(y, uKeys, pKeys, cKeys, D, ['treatedPost'], pKeys.map((k) => k.split('|')[0]));
  fewClusterWarnings(fit.nClusters, warnings);
  return {
    estimate: makeEstimate(fit.coefficients[0], Math.sqrt(fit.covariance[0][0]), level, {
      kind: 't',
      df: fit.nClusters - 1,
    }),
    pBootstrap: bootstrapP(fit, fit.extraCols, options.bootstrap),
    cohorts,
    droppedCohorts: dropped,
    nObs: fit.nObs,
    nClusters: fit.nClusters,
    level,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------------------

export interface DidOptions {
  level?: number;
  bootstrap?: BootstrapOption;
  /** Event-study settings, or false to skip it. */
  eventStudy?: false | Omit<EventStudyOptions, 'level' | 'bootstrap'>;
  /** Stacked-DiD settings, or false to skip it. */
  stacked?: false | Omit<StackedOptions, 'level' | 'bootstrap'>;
}

export interface DidResult {
  twfe: TwfeResult;
  eventStudy: EventStudyResult | null;
  stacked: StackedResult | null;
  warnings: string[];
}

/**
 * All three estimators on one panel. A failing optional part (event study, stacked) is reported in
 * `warnings` rather than failing the whole analysis; TWFE errors propagate.
 */
export function differenceInDifferences(panel: PanelRow[], options: DidOptions = {}): DidResult {
  const level = options.level ?? 0.95;
  const bootstrap = options.bootstrap;
  const twfe = twfeDid(panel, { level, bootstrap });
  const warnings = [...twfe.warnings];
  let es: EventStudyResult | null = null;
  if (options.eventStudy !== false) {
    try {
      es = eventStudy(panel, { ...(options.eventStudy ?? {}), level, bootstrap });
      for (const w of es.warnings) if (!twfe.warnings.includes(w)) warnings.push(`Event study: ${w}`);
    } catch (e) {
      warnings.push(`Event study not estimated: ${(e as Error).message}`);
    }
  }
  let st: StackedResult | null = null;
  if (options.stacked !== false) {
    try {
      st = stackedDid(panel, { ...(options.stacked ?? {}), level, bootstrap });
      for (const w of st.warnings) if (!twfe.warnings.includes(w)) warnings.push(`Stacked: ${w}`);
    } catch (e) {
      warnings.push(`Stacked DiD not estimated: ${(e as Error).message}`);
    }
  }
  return { twfe, eventStudy: es, stacked: st, warnings };
}

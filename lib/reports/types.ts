// The shape of a monthly fund-operation analysis report (月度基金运行分析报告): the figures gathered from the
// pages' queries, and the text written from them. Plain JSON, so an archived version keeps exactly what
// its files were rendered from.
import type { SchemeCode } from '../domain/codes';
import type { IndicatorUnit, Status } from '../indicators/types';
import type { Severity, WarningStatus } from '../risk/types';

/**
 * One stated number. `key` names it: `indicator@region[/scheme]:period`, e.g.
 * `months_of_reserve@439900/RESIDENT:202412`; derived figures (differences, shares) list what they came from.
 */
export interface Figure {
  key: string;
  /** Chinese label as a reader would say it, e.g. '桃源县 县级财政补助到位率（2024年1—12月）' */
  label: string;
  value: number | null;
  unit: IndicatorUnit;
  regionCode: string;
  period: number;
  scheme?: SchemeCode;
  /** registry code when the figure is an indicator value */
  indicator?: string;
  /** the page and query the figure comes from, or the derivation */
  source: string;
  /** keys of the figures a derived figure was computed from */
  derivedFrom?: string[];
}

/** A sentence of the report text and the keys of every figure it states. */
export interface Sentence {
  text: string;
  refs: string[];
}

export interface Section {
  id: string;
  title: string;
  sentences: Sentence[];
}

export interface KpiLine {
  code: string;
  name: string;
  unit: IndicatorUnit;
  /** what the value covers: '截至月末' or '1—N月累计' */
  basis: 'point' | 'ytd';
  now: string;
  yoy: string | null;
  mom: string | null;
  status: Status;
  target: number | null;
}

export interface CountyLine {
  code: string;
  name: string;
  coverage: number | null;
  collectionRate: number | null;
  countySubsidyDelivery: number | null;
  incomeRate: number | null;
  expenseRate: number | null;
  /** expense execution rate − 序时进度 */
  expenseDeviation: number | null;
  currentBalance: number | null;
  accumulated: number | null;
  monthsOfReserve: number | null;
  primaryShare: number | null;
  inCountyRate: number | null;
}

export interface AttributionLine {
  code: string;
  name: string;
  balance: number;
  gap: number;
  countySubsidyUnpaid: number;
  /** null without a plan line to compare premiums with */
  premiumShortfall: number | null;
  countyMakeup: number;
  cityCovers: number;
  metPlan: boolean;
  regime: 'city' | 'county';
}

export interface WarningLine {
  id: number;
  ruleName: string;
  subjectLabel: string;
  regionName: string;
  severity: Severity;
  status: WarningStatus;
  firstPeriod: number;
  lastPeriod: number;
  clearedPeriod: number | null;
  value: number;
  unit: string;
  threshold: number | null;
}

export interface ProjectionLine {
  scheme: SchemeCode;
  name: string;
  lastPeriod: number;
  exhausted: { low: number | null; central: number | null; high: number | null };
  incomeGrowth: number;
  expenseGrowth: number;
  window: { from: number; to: number };
  /**
   * The stochastic projection (风险预警 · 基金可持续性) from the same month: the key of P(可支付月数 < 3 in
   * some month of the next 12) in `figures`, and the depletion month's median and 80% interval (YYYYMM;
   * null = beyond the horizon), from the simulation's last month `lastPeriod`. null when the fund has under
   * 36 months of history; absent in report versions archived before the report carried it.
   */
  stochastic?: { lastPeriod: number; probBelow3Within12: string; depletionMedian: number | null; depletionP10: number | null; depletionP90: number | null; paths: number; horizon: number } | null;
}

export interface ReportFigures {
  /** shape version of this JSON */
  format: 1;
  period: number;
  regionCode: string;
  regionName: string;
  cityCode: string;
  cityName: string;
  edition: 'city' | 'county';
  isDemo: boolean;
  /** latest month with data anywhere when gathered */
  dataThrough: number;
  timeProgress: number | null;
  figures: Record<string, Figure>;
  kpis: KpiLine[];
  /** 可支付月数 by scheme (city-wide funds), keys into `figures` */
  reserve: { scheme: SchemeCode; name: string; now: string; yoy: string | null; mom: string | null; status: Status }[];
  counties: CountyLine[];
  attribution: AttributionLine[];
  warnings: {
    /** open at month end (raised by then, not yet cleared or closed) */
    open: WarningLine[];
    raised: WarningLine[];
    cleared: WarningLine[];
    bySeverity: Record<Severity, number> & { total: number };
  };
  projection: ProjectionLine[];
  /** month-end 可支付月数 by scheme over the last 24 months (the chart) */
  reserveSeries: { period: number; EMPLOYEE: number | null; RESIDENT: number | null; MATERNITY: number | null }[];
  /** 基层就诊占比 per county now and in the 12 months before the county's pooling month */
  primaryShare: { code: string; name: string; poolingPeriod: number | null; now: string; baseline: string | null }[];
  sections: Section[];
}

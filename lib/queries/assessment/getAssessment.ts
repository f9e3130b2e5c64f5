import 'server-only';
// The 考核 page's reads: a year's results (the published release when there is one, else live under the scheme
// in force), the live difference beside a published figure, rank uncertainty, the improvement ranking, one
// county's evidence sheet with what it would take to move up, and the years side by side.
// Who sees what (《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》五（二）; product roles): the city
// everything; a county its own results in full and other counties' PUBLISHED scores only; the public nothing.
import type { Db } from '../../db';
import { getDb } from '../../db';
import { improvementRanking, whatItTakes, type CountyResult, type PathToTarget, type YearResults } from '../../assessment/results';
import { positionDriver, rankUncertainty, type RankUncertainty } from '../../assessment/uncertainty';
import type { AssessmentScheme } from '../../assessment/scheme';
import { listInForce, type FigureDiff } from '../../release';
import type { DatasetInfo } from '../meta/getDatasetInfo';
import { canSeeCity, canSeeCountyDetail, requireCityOrCounty, ScopeError, type Scope } from '../scope';
import { cachedByDataVersion } from '../../cache';
import { computeLiveYear, getCurrentScheme, getPublishedAssessment, type AssessmentPayload, type LiveYear, type SchemeVersion } from './store';

/** The first assessment year: 从2020年起 (意见 五（二）). */
export const FIRST_ASSESSMENT_YEAR = 2020;

export interface Publication {
  releaseId: number;
  version: number;
  publishedBy: string;
  publishedAt: string;
  note: string | null;
  dataThrough: number | null;
  schemeVersion: number;
}

export interface ScorecardRow {
  code: string;
  name: string;
  result: Pick<CountyResult, 'total' | 'max' | 'grade' | 'rank' | 'areas'>;
  /** the viewer may open the evidence sheet */
  detail: boolean;
  change: number | null;
  previousRank: number | null;
  improvementRank: number | null;
  uncertainty: RankUncertainty | null;
  /** the indicator placing the county where it is: points vs the counties' mean */
  position: { key: string; label: string; diff: number } | null;
  /** published year only: the total the live data now gives, when it differs from the published total */
  liveTotal: number | null;
}

export interface DiffRow extends FigureDiff {
  county: string;
  countyName: string;
  figure: string;
}

export interface EvidenceSheet {
  code: string;
  name: string;
  result: CountyResult;
  previous: CountyResult | null;
  grade: PathToTarget | null;
  rank: PathToTarget | null;
}

export interface HistoryRow {
  code: string;
  name: string;
  years: { year: number; total: number | null; rank: number | null; grade: string | null; published: boolean }[];
}

export interface AssessmentView {
  year: number;
  asOf: number | null;
  /** the scheme the shown results were scored under */
  scheme: AssessmentScheme;
  schemeVersion: number;
  currentScheme: { version: number; changedBy: string; changedAt: string; reason: string };
  publication: Publication | null;
  /** published figures whose live value now differs (visible counties only) */
  diffs: DiffRow[];
  rows: ScorecardRow[];
  /** counties the viewer may not see for this year (a county user, year not published) */
  hiddenCount: number;
  evidence: EvidenceSheet | null;
  /** full results of the counties the viewer may see in detail (for the export's 计分依据 sheet) */
  detailResults: CountyResult[];
  history: HistoryRow[];
  /** Monte Carlo settings, stated on the page */
  draws: number;
  seed: number;
  /** the viewer may publish (city or admin) */
  canPublish: boolean;
}

const DRAWS = 1000;

// Live results change only with the data (and the scheme version, part of the key): kept until the next import.
const liveYearCached = cachedByDataVersion('assessment-live-year', (cityCode: string, countyCodes: string[], year: number, schemeKey: string, scheme: AssessmentScheme) =>
  computeLiveYear(getDb(), cityCode, countyCodes, year, scheme));

async function liveCached(_db: Db, info: DatasetInfo, year: number, sv: { version: number; scheme: AssessmentScheme }, tag: string): Promise<LiveYear> {
  return liveYearCached(info.cityCode, info.counties.map((c) => c.code), year, `${tag}${sv.version}`, sv.scheme);
}

function label(scheme: AssessmentScheme, key: string): string {
  for (const a of scheme.areas) for (const i of a.indicators) if (i.code === key) return i.label ?? key;
  return key;
}

const FIGURE_LABEL = (scheme: AssessmentScheme, results: YearResults, rest: string): string => {
  if (rest === 'total') return '总分';
  const [key, what] = rest.split('.');
  const ind = results.counties[0]?.indicators.find((i) => i.key === key);
  return `${ind?.label ?? label(scheme, key)}${what === 'points' ? '（得分）' : '（指标值）'}`;
};

/**
 * Everything the 考核 page shows for a year. `county` selects the evidence sheet (ignored when the viewer may
 * not see it). Throws ScopeError for the public, and for a county user asking for another county's sheet.
 */
export async function getAssessment(scope: Scope, role: string, info: DatasetInfo, year: number, county: string | null): Promise<AssessmentView> {
  requireCityOrCounty(scope);
  if (county && scope.kind === 'county' && county !== scope.regionCode) throw new ScopeError(`无权查看该地区（${county}）的考核依据`);
  if (scope.kind === 'city' && !canSeeCity(scope, info.cityCode)) throw new ScopeError(`无权查看该地市（${info.cityCode}）的考核`);
  const db = getDb();
  const names = new Map(info.counties.map((c) => [c.code, c.name]));
  const codes = info.counties.map((c) => c.code);
  const current: SchemeVersion = await getCurrentScheme(db);
  const published = await getPublishedAssessment(db, info.cityCode, codes, year);

  let shown: YearResults;
  let scheme: AssessmentScheme;
  let schemeVersion: number;
  let asOf: number | null;
  let publication: Publication | null = null;
  if (published) {
    const p = published.release.payload;
    shown = p.results;
    scheme = p.scheme;
    schemeVersion = p.schemeVersion;
    asOf = p.asOf;
    const r = published.release;
    publication = { releaseId: r.id, version: r.version, publishedBy: r.publishedBy, publishedAt: r.publishedAt.toISOString(), note: r.note, dataThrough: r.dataThrough, schemeVersion };
  } else {
    const live = await liveCached(db, info, year, current, 'v');
    shown = live.results;
    scheme = current.scheme;
    schemeVersion = current.version;
    asOf = live.asOf;
  }
  // Last year under the same scheme, so the change measures the county, not a scheme edit.
  const before = year - 1 >= FIRST_ASSESSMENT_YEAR ? (await liveCached(db, info, year - 1, { version: schemeVersion, scheme }, published ? `r${published.release.id}-` : 'v')).results : null;
  const beforeUsable = before && before.counties.some((c) => c.indicators.some((i) => i.value !== null)) ? before : null;
  const improvement = new Map(improvementRanking(shown, beforeUsable).map((r) => [r.code, r]));
  const values = Object.fromEntries(shown.counties.map((c) => [c.code, Object.fromEntries(c.indicators.map((i) => [i.key, i.value]))]));
  const hasData = shown.counties.some((c) => c.indicators.some((i) => i.value !== null));
  const uncertainty = hasData ? rankUncertainty({ scheme, values, draws: DRAWS, seed: year }) : [];
  const unc = new Map(uncertainty.map((u) => [u.code, u]));
  const points = Object.fromEntries(shown.counties.map((c) => [c.code, Object.fromEntries(c.indicators.map((i) => [i.key, i.points]))]));

  const sees = (code: string) => canSeeCountyDetail(scope, code, info.cityCode);
  const visible = (code: string) => sees(code) || publication !== null;
  const rows: ScorecardRow[] = shown.counties.filter((c) => visible(c.code)).map((c) => {
    const imp = improvement.get(c.code);
    const pos = sees(c.code) ? positionDriver(points, c.code) : null;
    return {
      code: c.code,
      name: names.get(c.code) ?? c.code,
      result: { total: c.total, max: c.max, grade: c.grade, rank: c.rank, areas: c.areas },
      detail: sees(c.code),
      change: sees(c.code) ? (imp?.change ?? null) : null,
      previousRank: sees(c.code) ? (imp?.previousRank ?? null) : null,
      improvementRank: sees(c.code) ? (imp?.improvementRank ?? null) : null,
      uncertainty: sees(c.code) ? (unc.get(c.code) ?? null) : null,
      liveTotal: (() => {
        const d = published?.diffs.find((x) => x.key === `${c.code}.total`);
        return d && sees(c.code) ? d.live : null;
      })(),
      position: pos ? { key: pos.key, label: FIGURE_LABEL(scheme, shown, `${pos.key}.value`).replace('（指标值）', ''), diff: pos.diff } : null,
    };
  });

  const diffs: DiffRow[] = (published?.diffs ?? [])
    .map((d) => {
      const [code, ...rest] = d.key.split('.');
      return { ...d, county: code, countyName: names.get(code) ?? code, figure: FIGURE_LABEL(scheme, shown, rest.join('.')) };
    })
    .filter((d) => sees(d.county));

  let evidence: EvidenceSheet | null = null;
  const pick = county ?? (scope.kind === 'county' ? scope.regionCode : null);
  if (pick && sees(pick)) {
    const result = shown.counties.find((c) => c.code === pick);
    if (result) {
      const w = whatItTakes(scheme, shown, pick);
      evidence = { code: pick, name: names.get(pick) ?? pick, result, previous: beforeUsable?.counties.find((c) => c.code === pick) ?? null, ...w };
    }
  }

  // Years side by side: the published release where there is one, else live under the scheme in force.
  const last = info.years[info.years.length - 1];
  const history: HistoryRow[] = codes.map((c) => ({ code: c, name: names.get(c) ?? c, years: [] }));
  const released = new Map((await listInForce<AssessmentPayload>(db, 'ASSESSMENT', info.cityCode)).map((r) => [r.year, r]));
  for (let y = FIRST_ASSESSMENT_YEAR; y <= last; y++) {
    const rel = released.get(y) ?? null;
    const res = rel ? rel.payload.results : (await liveCached(db, info, y, current, 'v')).results;
    const any = res.counties.some((c) => c.indicators.some((i) => i.value !== null));
    for (const h of history) {
      const r = res.counties.find((c) => c.code === h.code);
      const ok = any && r && (sees(h.code) || rel !== null);
      h.years.push({ year: y, total: ok ? r!.total : null, rank: ok ? r!.rank : null, grade: ok ? r!.grade : null, published: rel !== null });
    }
  }

  return {
    year, asOf, scheme, schemeVersion,
    currentScheme: { version: current.version, changedBy: current.changedBy, changedAt: current.changedAt.toISOString(), reason: current.reason },
    publication, diffs, rows,
    hiddenCount: shown.counties.length - rows.length,
    evidence,
    detailResults: shown.counties.filter((c) => sees(c.code)),
    history: history.filter((h) => h.years.some((y) => y.total !== null)),
    draws: DRAWS, seed: year,
    // Releases are the selected city's own (lib/release): a city analyst or admin publishes for the city shown.
    canPublish: scope.kind === 'city' && (role === 'city' || role === 'admin') && info.level === 'city',
  };
}

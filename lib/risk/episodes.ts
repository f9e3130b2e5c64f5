// From monthly points to episodes: a run of months where a rule's condition holds is one warning,
// however long it lasts. It opens after `minMonths` consecutive evaluated months with the condition and
// counts as cleared after `clearMonths` consecutive evaluated months without it (hysteresis, so a
// seasonal series hovering at a threshold does not open and close a warning every other month).
// Months a rule cannot evaluate (missing data) neither extend nor clear an episode.
import { addMonths } from '../indicators/compute';
import { monthsBetween } from '../analysis/period';
import type { EpisodeParams, Point, Severity, SubjectSeries } from './types';
import { maxSeverity, severityRank } from './types';

export interface Episode {
  subjectKey: string;
  /** first month of the run of `minMonths` breaches that opened it */
  firstPeriod: number;
  /** latest month the condition held */
  lastPeriod: number;
  /** the month the clearing was confirmed (the `clearMonths`-th clear month), or null while it persists */
  clearedPeriod: number | null;
  /** the point at lastPeriod */
  latest: Point;
  peakSeverity: Severity;
  /** the latest month at the episode's worst severity */
  peak: Point;
  /** the latest evaluated point of the subject (to show where the measure is now) */
  current: Point;
  /**
   * The subject's data stopped while the condition still held (a county fund merged into the city pool,
   * an institution that stopped settling): the episode counts as cleared the month after its last data.
   */
  dataEnded: boolean;
}

/**
 * `dataEnd` is the latest month with data anywhere: a subject whose own data stops before it (by more
 * than `clearMonths`) cannot clear by itself, so its open episode ends with its data.
 */
export function findEpisodes(series: SubjectSeries, p: EpisodeParams, dataEnd: number | null = null): Episode[] {
  const out: Episode[] = [];
  const minMonths = Math.max(1, Math.floor(p.minMonths));
  const clearMonths = Math.max(1, Math.floor(p.clearMonths));
  const points = [...series.points].sort((a, b) => a.period - b.period);
  let pending: Point[] = [];
  let open: Omit<Episode, 'current' | 'dataEnded'> | null = null;
  let clearRun = 0;
  for (const pt of points) {
    if (pt.severity) {
      if (open) {
        open.lastPeriod = pt.period;
        open.latest = pt;
        if (severityRank(pt.severity) >= severityRank(open.peakSeverity)) open.peak = pt;
        open.peakSeverity = maxSeverity(open.peakSeverity, pt.severity)!;
        clearRun = 0;
      } else {
        pending.push(pt);
        if (pending.length >= minMonths) {
          open = {
            subjectKey: series.key,
            firstPeriod: pending[0].period,
            lastPeriod: pt.period,
            clearedPeriod: null,
            latest: pt,
            peakSeverity: pending.reduce<Severity | null>((s, x) => maxSeverity(s, x.severity), null)!,
            peak: pending.reduce((best, x) => (severityRank(x.severity) >= severityRank(best.severity) ? x : best)),
          };
          pending = [];
          clearRun = 0;
        }
      }
    } else {
      pending = [];
      if (open) {
        clearRun++;
        if (clearRun >= clearMonths) {
          out.push({ ...open, clearedPeriod: pt.period, current: pt, dataEnded: false });
          open = null;
          clearRun = 0;
        }
      }
    }
  }
  if (open) {
    const last = points[points.length - 1];
    const ended = dataEnd !== null && monthsBetween(last.period, dataEnd) > clearMonths;
    out.push({ ...open, current: last, clearedPeriod: ended ? addMonths(last.period, 1) : null, dataEnded: ended });
  }
  return out;
}

/** The measure around an episode for the small trend chart: 12 months before it to its end (at most `max` points). */
export function trendOf(series: SubjectSeries, e: Episode, max = 60): { period: number; value: number; severity: Severity | null }[] {
  const end = e.clearedPeriod ?? e.current.period;
  const startIndex = (() => {
    const firstYear = Math.floor(e.firstPeriod / 100) - 1;
    return firstYear * 100 + (e.firstPeriod % 100);
  })();
  const pts = series.points
    .filter((x) => x.period >= startIndex && x.period <= end)
    .sort((a, b) => a.period - b.period)
    .map((x) => ({ period: x.period, value: x.value, severity: x.severity }));
  return pts.slice(-max);
}

import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 县域画像 reads: one county against the city and its peers on every profile indicator (with last year's
// value), and the list of counties with a summary for the index page.
import { cache } from 'react';
import type { Db } from '../../db';
import { getDb } from '../../db';
import type { SchemeFilter } from '../../domain/codes';
import type { IndicatorCode } from '../../indicators/registry';
import type { DatasetInfo } from '../meta/getDatasetInfo';
import { canSeeCountyDetail, requireCityOrCounty, ScopeError, type Scope } from '../scope';
import { compareCounty, peerGroupOf, profileValues, type IndicatorComparison, type PeerGroup, type ProfileValues } from './profile';
import { loadProfileYear } from './profileInputs';

export interface ProfileRequest {
  year: number;
  scheme: SchemeFilter;
}

export interface CountyProfile {
  code: string;
  asOf: number | null;
  peerGroup: PeerGroup;
  peerCodes: string[];
  comparisons: (IndicatorComparison & { previous: number | null })[];
}

export async function loadProfileValues(db: Db, info: DatasetInfo, scheme: SchemeFilter, year: number): Promise<{ asOf: number | null; values: ProfileValues }> {
  const py = await loadProfileYear(db, info.cityCode, scheme, year, info.counties.map((c) => c.code));
  return { asOf: py.asOf, values: profileValues(py) };
}

// Per request, and across requests until the data changes (lib/cache).
const cachedValues = cache(cachedByDataVersion('counties/profileValues', (info: DatasetInfo, scheme: SchemeFilter, year: number) =>
  loadProfileValues(getDb(), info, scheme, year)));

export function buildCountyProfile(
  code: string,
  info: DatasetInfo,
  now: { asOf: number | null; values: ProfileValues },
  before: { values: ProfileValues } | null,
): CountyProfile {
  const counties = info.counties.map((c) => ({ code: c.code, kind: c.kind }));
  const me = info.counties.find((c) => c.code === code);
  if (!me) throw new Error(`未知的县（市、区）代码 ${code}`);
  const group = peerGroupOf(me.kind);
  const comparisons = compareCounty(code, now.values, counties, info.cityCode).map((c) => ({
    ...c,
    previous: before?.values.get(code)?.get(c.code as IndicatorCode) ?? null,
  }));
  return {
    code,
    asOf: now.asOf,
    peerGroup: group,
    peerCodes: info.counties.filter((c) => peerGroupOf(c.kind) === group).map((c) => c.code),
    comparisons,
  };
}

async function getCountyProfileUncached(scope: Scope, info: DatasetInfo, code: string, req: ProfileRequest): Promise<CountyProfile> {
  requireCityOrCounty(scope);
  if (!canSeeCountyDetail(scope, code, info.cityCode)) throw new ScopeError(`无权查看该地区（${code}）的明细数据`);
  const [now, before] = await Promise.all([cachedValues(info, req.scheme, req.year), cachedValues(info, req.scheme, req.year - 1)]);
  return buildCountyProfile(code, info, now, before.asOf === null ? null : before);
}

export interface CountyListRow {
  code: string;
  peerGroup: PeerGroup;
  values: Partial<Record<IndicatorCode, number | null>>;
  better: number;
  worse: number;
  compared: number;
  /** indicators where the county ranks first / last among all counties */
  best: number;
  worst: number;
}

export interface CountyList {
  asOf: number | null;
  rows: CountyListRow[];
  city: Partial<Record<IndicatorCode, number | null>>;
}

export function buildCountyList(info: DatasetInfo, now: { asOf: number | null; values: ProfileValues }, visible: string[]): CountyList {
  const counties = info.counties.map((c) => ({ code: c.code, kind: c.kind }));
  const rows = info.counties
    .filter((c) => visible.includes(c.code))
    .map((c) => {
      const cmp = now.asOf === null ? [] : compareCounty(c.code, now.values, counties, info.cityCode);
      return {
        code: c.code,
        peerGroup: peerGroupOf(c.kind),
        values: Object.fromEntries(cmp.map((x) => [x.code, x.value])) as Partial<Record<IndicatorCode, number | null>>,
        better: cmp.filter((x) => x.vsCity === 'better').length,
        worse: cmp.filter((x) => x.vsCity === 'worse').length,
        compared: cmp.filter((x) => x.vsCity !== 'none').length,
        best: cmp.filter((x) => x.rank === 1).length,
        worst: cmp.filter((x) => x.rank !== null && x.rank === x.rankOf).length,
      };
    });
  const city = Object.fromEntries([...(now.values.get(info.cityCode) ?? new Map()).entries()]) as Partial<Record<IndicatorCode, number | null>>;
  return { asOf: now.asOf, rows, city };
}

async function getCountyListUncached(scope: Scope, info: DatasetInfo, req: ProfileRequest): Promise<CountyList> {
  requireCityOrCounty(scope);
  const visible = info.counties.map((c) => c.code).filter((c) => canSeeCountyDetail(scope, c, info.cityCode));
  return buildCountyList(info, await cachedValues(info, req.scheme, req.year), visible);
}

/** Kept between requests until the data changes (lib/cache). */
export const getCountyProfile = cachedByDataVersion('counties/getCountyProfile', getCountyProfileUncached);

/** Kept between requests until the data changes (lib/cache). */
export const getCountyList = cachedByDataVersion('counties/getCountyList', getCountyListUncached);

import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 累计结余: the city pool (市级统筹基金) plus each county's legacy balance (2019年末结余, kept in the old
// county account but managed by the city: 市级统筹意见（征求意见稿）三(三)), and COUNTY_POOL for a county still pooling on
// its own. Month-end balances of the 统筹基金 account.
import { poolRegionCodes, regionIn } from '../pool';
import type { Db } from '../../db';
import { getDb } from '../../db';
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';
import type { Status } from '../../indicators/types';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { schemesOf } from '../overview/kpiInputs';
import type { BudgetRequest } from './request';

export interface BalanceCountyRow {
  code: string;
  legacy: number;
  countyPool: number;
  /** legacy + county pool at the same month last year */
  lastYear: number | null;
}

export interface AccumulatedBalance {
  asOf: number | null;
  cityPool: number | null;
  legacy: number | null;
  countyPool: number | null;
  /** 累计结余 of the selection: city pool + legacy (+ county pools) for the city; legacy (+ county pool) for a county */
  accumulated: number | null;
  status: Status;
  counties: BalanceCountyRow[];
  /** month-end series of the selection */
  series: { period: number; cityPool: number | null; legacy: number; countyPool: number }[];
}

type BalanceRows = { regionCode: string; kind: string; period: number; _sum: { balance: number | null } }[];

/** Month-end balances of the 统筹基金 account per region and kind, for the schemes of a filter, of `cityCode`'s regions. */
async function loadBalanceRows(db: Db, cityCode: string, scheme: BudgetRequest['scheme']): Promise<BalanceRows> {
  const rows = await db.prisma.balanceFact.groupBy({
    by: ['regionCode', 'kind', 'period'],
    where: { account: 'POOL', schemeCode: { in: schemesOf(scheme) }, ...regionIn(await poolRegionCodes(db, cityCode)) },
    _sum: { balance: true },
  });
  return rows;
}

/** One read per scheme filter and data version, shared by the tiles (this year and last) and the chart. */
const balanceRowsFor = cachedByDataVersion('budget/balanceRows', (cityCode: string, scheme: BudgetRequest['scheme']) => loadBalanceRows(getDb(), cityCode, scheme));

export async function loadAccumulatedBalance(db: Db, scope: Scope, cityCode: string, req: BudgetRequest & { asOf: number | null }): Promise<AccumulatedBalance> {
  requireCityOrCounty(scope);
  return assembleAccumulatedBalance(scope, cityCode, req, await loadBalanceRows(db, cityCode, req.scheme));
}

function assembleAccumulatedBalance(scope: Scope, cityCode: string, req: BudgetRequest & { asOf: number | null }, rows: BalanceRows): AccumulatedBalance {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const I = indicators;
  // The as-of month: as given (the page's budget as-of), else the year's last month with balances.
  let asOf = req.asOf;
  if (asOf === null) for (const r of rows) if (Math.floor(r.period / 100) === req.year && (asOf === null || r.period > asOf)) asOf = r.period;
  const series = new Map<number, { period: number; cityPool: number | null; legacy: number; countyPool: number }>();
  const perCounty = new Map<string, Map<number, { legacy: number; countyPool: number }>>();
  for (const r of rows) {
    const v = r._sum.balance ?? 0;
    if (r.kind !== 'CITY_POOL') {
      let m = perCounty.get(r.regionCode);
      if (!m) { m = new Map(); perCounty.set(r.regionCode, m); }
      const c = m.get(r.period) ?? { legacy: 0, countyPool: 0 };
      if (r.kind === 'LEGACY') c.legacy += v; else c.countyPool += v;
      m.set(r.period, c);
    }
    if (region !== 'ALL' && r.regionCode !== region) continue;
    const s = series.get(r.period) ?? { period: r.period, cityPool: region === 'ALL' ? 0 : null, legacy: 0, countyPool: 0 };
    if (r.kind === 'CITY_POOL') s.cityPool = (s.cityPool ?? 0) + v;
    else if (r.kind === 'LEGACY') s.legacy += v;
    else s.countyPool += v;
    series.set(r.period, s);
  }
  const at = asOf === null ? undefined : series.get(asOf);
  const cityPool = at ? at.cityPool : null;
  const legacy = at ? at.legacy : null;
  const countyPool = at ? at.countyPool : null;
  const accumulated = at ? I.accumulated_balance.compute({ cityPool: cityPool ?? 0, legacyBalances: at.legacy + at.countyPool }) : null;
  const visible = [...perCounty.keys()].filter((c) => c !== cityCode && (scope.kind === 'city' || (scope.kind === 'county' && c === scope.regionCode))).sort();
  return {
    asOf, cityPool, legacy, countyPool, accumulated,
    status: indicatorStatus(I.accumulated_balance, accumulated),
    counties: asOf === null ? [] : visible.map((c) => {
      const m = perCounty.get(c)!;
      const now = m.get(asOf!) ?? { legacy: 0, countyPool: 0 };
      const last = m.get(asOf! - 100);
      return { code: c, legacy: now.legacy, countyPool: now.countyPool, lastYear: last ? last.legacy + last.countyPool : null };
    }),
    series: [...series.values()].sort((a, b) => a.period - b.period),
  };
}

async function getAccumulatedBalanceUncached(scope: Scope, cityCode: string, req: BudgetRequest & { asOf: number | null }): Promise<AccumulatedBalance> {
  requireCityOrCounty(scope);
  return assembleAccumulatedBalance(scope, cityCode, req, await balanceRowsFor(cityCode, req.scheme));
}

/** Kept between requests until the data changes (lib/cache). */
export const getAccumulatedBalance = cachedByDataVersion('budget/getAccumulatedBalance', getAccumulatedBalanceUncached);

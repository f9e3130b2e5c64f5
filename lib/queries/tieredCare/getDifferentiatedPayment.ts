import 'server-only';
import { cachedByDataVersion } from '../../cache';
// 差异化支付: fund payment ratio and cost per visit by facility level, per county and year and visit type,
// with the PRIMARY > COUNTY > CITY check (市级统筹意见（征求意见稿）四(三)) and a flag per county and year.
import { paymentByLevel, paymentFlags, type PaymentFlag, type PaymentRow } from '../../tieredCare/differentiatedPayment';
import { allowedRegion, requireCityOrCounty, type Scope } from '../scope';
import { cachedTieredCareData, visibleCounties, type TieredCareData, type TieredCareRequest } from './data';

export interface DifferentiatedPayment {
  regionCode: string;
  /** rows of the selected region (or the city) for every year */
  rows: PaymentRow[];
  /** flags for every visible county (and the city) and year */
  flags: PaymentFlag[];
  years: number[];
}

export function computeDifferentiatedPayment(data: TieredCareData, regionCode: string, regions: string[]): DifferentiatedPayment {
  const all = paymentByLevel(data.cells, data.cityCode);
  const visible = new Set([data.cityCode, ...regions]);
  const flags = paymentFlags(all).filter((f) => visible.has(f.region));
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => a - b);
  return { regionCode, rows: all.filter((r) => r.region === regionCode), flags, years };
}

async function getDifferentiatedPaymentUncached(scope: Scope, cityCode: string, req: TieredCareRequest): Promise<DifferentiatedPayment> {
  requireCityOrCounty(scope);
  const region = allowedRegion(scope, req.region);
  const data = await cachedTieredCareData(cityCode, req.scheme);
  return computeDifferentiatedPayment(data, region === 'ALL' ? cityCode : region, visibleCounties(scope, data.counties, data.cityCode));
}

/** Kept between requests until the data changes (lib/cache). */
export const getDifferentiatedPayment = cachedByDataVersion('tieredCare/getDifferentiatedPayment', getDifferentiatedPaymentUncached);

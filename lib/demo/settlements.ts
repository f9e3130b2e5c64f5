// Visit-level settlement records (结算明细) consistent with the demo city's utilization facts: each fact
// cell (insured region × institution × scheme × visit type × month) expands into `visits` records
// whose amounts add up to the cell's totals to the cent. Streams; memory does not grow with the size.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { INSUTYPE, MED_TYPE, REFERRAL_LABELS } from '../domain/codes';
import { createRng } from './random';
import type { UtilizationRow } from './generate';

/** Column headers of the settlement-record template (also the import template). */
export const SETTLEMENT_HEADERS = [
  '结算流水号', '结算日期', '参保地区划代码', '定点机构编码', '险种类型', '医疗类别',
  '医疗费总额', '政策范围内费用', '基金支付', '个人负担', '转诊类型',
] as const;

export interface SettlementCsvOptions {
  /** Stop after this many records (the last cell may then be partial). */
  limit?: number;
  fromPeriod?: number;
  toPeriod?: number;
  seed?: number;
}

const toCents = (x: number) => Math.round(x * 100);
const yuan = (cents: number) => (cents / 100).toFixed(2);

/**
 * Splits `totalCents` into parts proportional to `weights`, summing exactly to `totalCents`, each part within a
 * cent of its exact share: part i is the rounded running total up to i minus the rounded running total before
 * it. (Giving the last part the rest let the rounding of a large cell's every part pile up on one record:
 * at province size a record's 政策范围内费用 came out above its 医疗费总额.)
 */
export function splitCents(totalCents: number, weights: number[], sumW: number): number[] {
  const out = new Array<number>(weights.length);
  let cum = 0;
  let before = 0;
  for (let i = 0; i < weights.length; i++) {
    cum += weights[i];
    const upTo = i === weights.length - 1 ? totalCents : Math.round((totalCents * cum) / sumW);
    out[i] = upTo - before;
    before = upTo;
  }
  return out;
}

/** Writes the CSV (UTF-8, header row first) and resolves with the number of records written. */
export async function writeSettlementCsv(out: Writable, utilization: UtilizationRow[], opts: SettlementCsvOptions = {}): Promise<number> {
  const rng = createRng(opts.seed ?? 7);
  const limit = opts.limit ?? Infinity;
  const cells = utilization
    .filter((u) => (opts.fromPeriod === undefined || u.period >= opts.fromPeriod) && (opts.toPeriod === undefined || u.period <= opts.toPeriod))
    .sort((a, b) => a.period - b.period);
  let written = 0;
  let buf = SETTLEMENT_HEADERS.join(',') + '\n';
  const flush = async () => {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  for (let c = 0; c < cells.length && written < limit; c++) {
    const u = cells[c];
    const n = u.visits;
    const weights = new Array<number>(n);
    let sumW = 0;
    for (let i = 0; i < n; i++) { weights[i] = Math.exp(rng.normal(0, 0.45)); sumW += weights[i]; }
    const total = splitCents(toCents(u.totalCost), weights, sumW);
    const policy = splitCents(toCents(u.policyCost), weights, sumW);
    const fund = splitCents(toCents(u.fundPaid), weights, sumW);
    const y = Math.floor(u.period / 100), m = u.period % 100;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const prefix = `JS${u.period}${String(c).padStart(7, '0')}`;
    for (let i = 0; i < n && written < limit; i++) {
      const day = 1 + Math.floor(rng.next() * days);
      const referral = i < u.referralsUp ? REFERRAL_LABELS.UP : i < u.referralsUp + u.referralsDown ? REFERRAL_LABELS.DOWN : '';
      buf += `${prefix}${String(i).padStart(6, '0')},${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')},${u.insuredRegionCode},${u.institutionCode},${INSUTYPE[u.schemeCode]},${MED_TYPE[u.visitType]},${yuan(total[i])},${yuan(policy[i])},${yuan(fund[i])},${yuan(total[i] - fund[i])},${referral}\n`;
      written++;
      if (buf.length > 1 << 16) await flush();
    }
  }
  await flush();
  return written;
}

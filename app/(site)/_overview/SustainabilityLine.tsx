import Link from 'next/link';
import { getDb } from '@/lib/db';
import { formatPercent, formatPeriod } from '@/lib/format';
import { getSustainabilitySummary } from '@/lib/queries/risk/getSustainability';
import type { Scope } from '@/lib/queries/scope';

/**
 * 可持续性 on 总览: one line per the resident fund, from the cached stochastic projection (lib/risk/sustainability).
 * `city`: the selected city among several (its pool only, and kept in the link); absent: the one city's.
 */
export default async function SustainabilityLine({ scope, city }: { scope: Scope; city?: { code: string; pool: string[] } }) {
  if (scope.kind === 'public') return null;
  let h;
  try {
    h = await getSustainabilitySummary(getDb(), scope, { scheme: 'RESIDENT', ...(city ? { regionCodes: city.pool } : {}) });
  } catch (err) {
    console.error('[overview] sustainability', err);
    return <p>居民医保基金可持续性：加载失败，请稍后重试。</p>;
  }
  return (
    <p data-testid="overview-sustainability">
      {h ? (
        <>
          居民医保基金：12个月内可支付月数低于3个月的概率 <strong>{formatPercent(h.probBelow.below3.within12, 1)}</strong>
          （24个月内 {formatPercent(h.probBelow.below3.within24, 1)}；累计结余耗尽月份中位数 {h.depletion.median === null ? '5年内不耗尽' : formatPeriod(h.depletion.median)}；
          短期充足性检验{h.adequacy.pass ? '通过' : '未通过'}；数据截至{formatPeriod(h.lastPeriod)}，{h.paths}条模拟路径）。
          <Link href={`/risk?${city ? `city=${city.code}&` : ''}pscheme=RESIDENT#sustainability`}>查看预测与政策测算</Link>
        </>
      ) : (
        <>居民医保基金：12个月内可支付月数低于3个月的概率 无数据（不足36个月的连续收支数据）</>
      )}
    </p>
  );
}

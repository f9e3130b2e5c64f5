/**
 * lib/analysis reports model caveats in English (it is a statistics library); the pages speak Chinese.
 * Known messages are translated here; anything unknown is shown as is, marked as the model's own words.
 */
import { formatPeriod } from '../format';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const period = (s: string) => formatPeriod(Number(s));

const RULES: Rule[] = [
  [/^Event study: (.*)$/s, (m) => `事件研究：${translateAnalysisWarning(m[1])}`],
  [/^Stacked: (.*)$/s, (m) => `堆叠估计：${translateAnalysisWarning(m[1])}`],
  [/^Event study not estimated: (.*)$/s, (m) => `事件研究未能估计：${translateAnalysisWarning(m[1])}`],
  [/^Stacked DiD not estimated: (.*)$/s, (m) => `堆叠双重差分未能估计：${translateAnalysisWarning(m[1])}`],
  [
    /^Only (\d+) clusters \(units\).*t\((\d+)\)/,
    (m) => `仅有${m[1]}个县（聚类），聚类稳健标准误是近似值，置信区间按 t(${m[2]}) 分布计算`,
  ],
  [/^No never-pooled unit/, () => '没有从未统筹的县：效应只能由各县统筹时间的先后差异来识别'],
  [
    /^Cohort (\d{6}) dropped: no never-pooled or later-pooled unit/,
    (m) => `${period(m[1])}统筹的县在估计窗口内没有尚未统筹的对照县，未纳入堆叠估计`,
  ],
  [
    /^Cohort (\d{6}) dropped: no treated observations before or after/,
    (m) => `${period(m[1])}统筹的县在估计窗口内缺少统筹前或统筹后的数据，未纳入堆叠估计`,
  ],
  [/^stackedDid: no cohort has clean controls/, () => '没有任何一批统筹县有干净的对照县'],
  [/^No treated observations in bin (.+)$/, (m) => `事件时间区间 ${m[1]} 个月没有已统筹县的观测`],
  [
    /^Residual lag-1 autocorrelation is (-?[\d.]+)/,
    (m) => `残差一阶自相关系数为 ${m[1]}，模型设定可能不完全（例如统筹后的变化并非线性），区间仅供参考`,
  ],
  [/^(\d+) month\(s\) missing inside the series/, (m) => `序列中间缺少${m[1]}个月的数据`],
  [
    /^Only (\d+) point\(s\) before and (\d+) after the intervention/,
    (m) => `统筹前仅${m[1]}个月、统筹后${m[2]}个月数据（建议各不少于8个月，最好12个月以上）`,
  ],
  [/^None of the COVID months is in the series/, () => '序列不含疫情月份，未加入疫情指示变量'],
  [/Prais–Winsten ρ did not converge/, () => 'Prais–Winsten 自相关系数迭代未收敛'],
  [/^IRLS did not converge/, () => '广义线性模型迭代未收敛'],
  [/^Only (\d+) points for (\d+) parameters/, (m) => `仅${m[1]}个数据点估计${m[2]}个参数，估计不够精确`],
  [
    /^Pre-trend test: .*lead bins but only/,
    () => '统筹前趋势检验：统筹前区间数多于县数，无法进行联合检验（请加宽区间）',
  ],
  [/^Pre-trend test: covariance .* singular/, () => '统筹前趋势检验：协方差矩阵奇异，未能计算'],
  [
    /^(.+) pooled before the first observed month/,
    (m) => `${m[1]} 在数据首月之前已统筹，只能作为已统筹的比较对象`,
  ],
  [/^All units are pooled in the same month/, () => '所有县在同一月份统筹，没有对照，双重差分不可识别'],
  [/^eventStudy: no treated observation in the reference bin/, () => '参照期（统筹前一年）没有已统筹县的观测'],
  [/not identified: it needs comparison units/, () => '该项不可识别：同一月份需要有未统筹或尚未统筹的县作比较'],
];

export function translateAnalysisWarning(message: string): string {
  for (const [re, fn] of RULES) {
    const m = message.match(re);
    if (m) return fn(m);
  }
  return `模型提示：${message}`;
}

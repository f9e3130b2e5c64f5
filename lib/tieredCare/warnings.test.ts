import { describe, expect, it } from 'vitest';
import { translateAnalysisWarning as t } from './warnings';

describe('translateAnalysisWarning', () => {
  it('translates the caveats lib/analysis emits', () => {
    expect(t('Only 8 clusters (units): cluster-robust SEs are approximate; intervals use t(7)')).toBe('仅有8个县（聚类），聚类稳健标准误是近似值，置信区间按 t(7) 分布计算');
    expect(t('Stacked: Cohort 202101 dropped: no never-pooled or later-pooled unit to compare with')).toBe('堆叠估计：2021年1月统筹的县在估计窗口内没有尚未统筹的对照县，未纳入堆叠估计');
    expect(t("Residual lag-1 autocorrelation is -0.31; model-based SEs may be too small — consider se: 'hac' or 'ar1'")).toMatch(/^残差一阶自相关系数为 -0.31/);
    expect(t('2 month(s) missing inside the series; HAC lags treat neighbours as adjacent')).toBe('序列中间缺少2个月的数据');
  });
  it('keeps an unknown message, marked as the model’s own words', () => {
    expect(t('Something new')).toBe('模型提示：Something new');
  });
});

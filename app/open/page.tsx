import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '基金运行情况公开' };

export default function OpenPage() {
  return (
    <PlaceholderPage
      title="基金运行情况公开"
      summary="面向公众、无需登录的年度医保基金运行报告：全市及各县（市、区）的汇总收支、参保与待遇数据，每张图表附数据表，可下载 CSV，适合打印；样本过小的数据按规则隐去，不含个人和机构明细。"
    />
  );
}

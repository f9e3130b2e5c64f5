import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '预算执行' };

export default function BudgetPage() {
  return (
    <PlaceholderPage
      title="预算执行"
      summary="各县（市、区）年度收支计划与实际执行对比：收入、支出预算执行率与序时进度及执行偏差，当期结余与累计结余（市级统筹基金与各县历年结余），赤字责任划分（市级结余弥补部分与县级应补足部分），以及每一次预算调整方案的文号、日期与原因。"
    />
  );
}

import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: '考核' };

export default async function AssessmentPage() {
  await requireViewer();
  return (
    <PlaceholderPage
      title="县级医保工作考核"
      summary="按年度考核方案（扩面征缴、待遇支付、定点管理、基金预算管理、基金统收统支、分级诊疗）给出各县（市、区）每项指标的得分及其依据数据、总分、排名与较上年变化、排名对权重的敏感性；已发布年度的结果冻结不变，可导出。"
    />
  );
}

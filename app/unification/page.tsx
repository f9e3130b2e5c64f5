import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: '六统一' };

export default async function UnificationPage() {
  await requireViewer();
  return (
    <PlaceholderPage
      title="六统一进度"
      summary="基本政策、待遇标准、基金管理、经办管理、定点管理、信息系统六项统一在各县（市、区）和各险种的进度矩阵，包括完成日期与规定期限（如 2020年12月31日），逾期事项突出显示。"
    />
  );
}

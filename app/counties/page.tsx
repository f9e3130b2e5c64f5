import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '县域画像' };

export default function CountiesPage() {
  return (
    <PlaceholderPage
      title="县域画像"
      summary="全市各县（市、区）及功能区的列表；选择其一后，查看该县与全市及同类县对比的参保征缴、预算执行、风险预警、分级诊疗与考核得分。"
    />
  );
}

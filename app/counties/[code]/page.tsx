import type { Metadata } from 'next';
import Link from 'next/link';
import PlaceholderPage from '../../ui/PlaceholderPage';

export const metadata: Metadata = { title: '县域画像' };

export default async function CountyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return (
    <>
      <p style={{ margin: '0 0 8px' }}>
        <Link href="/counties">← 县域画像</Link>
      </p>
      <PlaceholderPage
        title={`县域画像 · 地区代码 ${code}`}
        summary="该县（市、区）的参保征缴、预算执行与赤字责任、风险预警及处置、分级诊疗指标与统筹前后变化、历年考核得分与排名，每项均与全市和同类县对比。"
      />
    </>
  );
}

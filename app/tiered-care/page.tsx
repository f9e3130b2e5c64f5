import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '分级诊疗' };

export default function TieredCarePage() {
  return (
    <PlaceholderPage
      title="分级诊疗"
      summary="基层、县级、市级及市外机构就诊构成随时间的变化（标注各县市级统筹启动月份），统筹前后效应估计（中断时间序列与双重差分，附置信区间），患者流向与县域内就诊率，各级机构次均费用与基金支付比例（差异化支付），上下转诊与家庭医生签约率。"
    />
  );
}

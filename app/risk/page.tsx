import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '风险预警' };

export default function RiskPage() {
  return (
    <PlaceholderPage
      title="风险预警"
      summary="基金运行风险预警清单（严重程度、指标值与阈值、地区、险种、期间，以及 新发 → 已核实 → 已处置 的处理记录），各条预警规则的定义与可配置阈值，累计结余可支付月数及按低、中、高三种情景预测的结余耗尽时间，定点医药机构费用异常线索与参保人就医外流情况。"
    />
  );
}

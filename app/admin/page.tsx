import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '管理' };

export default function AdminPage() {
  return (
    <PlaceholderPage
      title="管理"
      summary="数据导入（文件校验报告、被拒绝的行及原因、导入批次追溯），用户与角色管理，地区和定点医药机构等参照表维护，风险预警规则阈值与县级考核方案的配置。"
    />
  );
}

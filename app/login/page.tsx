import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '登录' };

export default function LoginPage() {
  return (
    <PlaceholderPage
      title="登录"
      summary="市医保局、县（市、区）政府及医保分局和管理员的账号登录；不同角色可见范围不同（县级用户查看本县详情及全市汇总、其他县已公布的得分）。公开页面无需登录。"
    />
  );
}

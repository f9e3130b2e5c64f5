import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';

// 地区层级 (国家/省/设区市/县级) and their 年度数据 are for the city bureau and admins. Checked here, before
// anything streams, so a county user gets a real 403 and the public the redirect to /login; pages check again.
export default async function RegionsLayout({ children }: { children: ReactNode }) {
  await requireViewer({ roles: ['city'] });
  return children;
}

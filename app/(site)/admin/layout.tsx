import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';

// 管理 is for administrators. Checked here, above the pages' loading states, so a refusal is a real 403
// (or the redirect to /login) before any of the page streams; each page and action checks again.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireViewer({ roles: ['admin'] });
  return children;
}

import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';

// The component gallery is for administrators; checked above the loading state so a refusal is a real 403.
export default async function PreviewLayout({ children }: { children: ReactNode }) {
  await requireViewer({ roles: ['admin'] });
  return children;
}

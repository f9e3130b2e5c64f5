'use client';

import RouteError from '../ui/RouteError';

export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} title="月度报告加载失败" />;
}

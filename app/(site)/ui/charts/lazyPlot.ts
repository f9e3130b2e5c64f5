'use client';

import { lazy, type ComponentType } from 'react';
import { faultActive } from '../faults';

/**
 * A chart's drawing code as its own chunk (Recharts is large): ChartFrame shows a skeleton while it loads
 * and an error in the chart's box if it fails, leaving the table view working. The test-only fault
 * 'chart-code' (app/(site)/ui/faults.ts) makes the load fail as a lost chunk would.
 */
export function lazyPlot<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(async () => {
    if (faultActive('chart-code')) throw new Error('chart code failed to load (test fault e2e-fail=chart-code)');
    return load();
  });
}

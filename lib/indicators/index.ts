// Public entry of the indicator registry: `import { indicators, getIndicator, indicatorStatus } from '@/lib/indicators'`.
// Display formatting lives in lib/format.ts (the one number formatter).

export * from './types';
export * from './compute';
export * from './define';
export * from './registry';
export * from './status';

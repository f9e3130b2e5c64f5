import type { Status } from '@/lib/indicators/types';

/** Text that goes with every status colour, so status never depends on colour alone. */
export const STATUS_LABEL: Record<Status, string> = {
  good: '达标',
  warn: '关注',
  bad: '预警',
  none: '未评价',
};

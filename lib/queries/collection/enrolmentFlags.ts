// Selective enrolment (选择性参保, 医保函〔2023〕73号、益阳市医疗保障局答复): enrolment falling in a year the individual contribution
// rose. Both the head count and the coverage rate must fall, so a county that merely loses population is
// not flagged. Pure; statuses come from the registry's bands.
import { indicators } from '../../indicators/registry';
import { indicatorStatus } from '../../indicators/status';

export interface SelectiveEnrolmentFlag {
  status: 'warn' | 'bad';
  label: string;
}

export function selectiveEnrolmentFlag(i: {
  enrollmentYoy: number | null;
  coverageChange: number | null;
  standardGrowth: number | null;
}): SelectiveEnrolmentFlag | null {
  if (i.standardGrowth === null || !(i.standardGrowth > 0)) return null;
  const yoy = indicatorStatus(indicators.enrollment_yoy, i.enrollmentYoy);
  const cov = indicatorStatus(indicators.coverage_rate_change, i.coverageChange);
  const falling = (s: string) => s === 'warn' || s === 'bad';
  if (!falling(yoy) || !falling(cov)) return null;
  const status = yoy === 'bad' || cov === 'bad' ? 'bad' : 'warn';
  return { status, label: status === 'bad' ? '缴费上涨，参保明显下降' : '缴费上涨，参保下降' };
}

import { SEVERITY_LABELS, STATUS_LABELS, type Severity, type WarningStatus } from '@/lib/risk/types';
import s from '../risk.module.css';

export function SeverityChip({ severity }: { severity: Severity }) {
  return <span className={s.sev} data-severity={severity}>{SEVERITY_LABELS[severity]}</span>;
}

export function StatusChip({ status }: { status: WarningStatus }) {
  return <span className={s.status} data-status={status}>{STATUS_LABELS[status]}</span>;
}

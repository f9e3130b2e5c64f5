'use client';
// Progress of a report generation run: polls the job until it finishes, then refreshes the page so the
// new versions appear in the archive.
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { ReportJobView } from '@/lib/reports/jobs';

const STATE_LABELS: Record<ReportJobView['state'], string> = { RUNNING: '生成中', DONE: '已完成', FAILED: '失败', STALE: '已中断' };

export default function JobProgress({ initial }: { initial: ReportJobView }) {
  const [job, setJob] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (job.state !== 'RUNNING') return;
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/reports/jobs/${job.id}`, { cache: 'no-store' });
        if (res.ok) {
          const next = (await res.json()) as ReportJobView;
          setJob(next);
          if (next.state !== 'RUNNING') router.refresh();
        }
      } catch { /* keep polling */ }
    }, 1500);
    return () => clearTimeout(t);
  }, [job, router]);
  const pct = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div className="report-job" data-testid="report-job" data-state={job.state} role="status" aria-live="polite">
      <div className="report-job-head">
        <strong>{job.period ? `${Math.floor(job.period / 100)}年${job.period % 100}月` : ''}报告生成 · {STATE_LABELS[job.state]}</strong>
        <span>{job.done}/{job.total || '…'} 份 · {job.state === 'RUNNING' ? job.step : job.state === 'DONE' ? `新增 ${job.created} 个版本（数字未变的地区不重复归档）` : job.error}</span>
      </div>
      <progress max={100} value={job.state === 'DONE' ? 100 : pct} aria-label="生成进度" />
    </div>
  );
}

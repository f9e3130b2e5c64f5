// Report generation runs in its own process (scripts/report.ts --job): rendering a PDF per edition takes
// seconds, and neither an import nor a web request should wait for it or share its memory. The app creates
// the ReportJob row and starts the process; the process writes its progress to that row.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db';
import type { ReportTrigger } from './store';

/** A job still RUNNING after this long lost its process (server restart, kill): shown as 中断. */
export const STALE_MS = 20 * 60 * 1000;

export interface ReportJobView {
  id: number;
  period: number;
  state: 'RUNNING' | 'DONE' | 'FAILED' | 'STALE';
  total: number;
  done: number;
  created: number;
  step: string;
  trigger: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** the city whose editions the job generates; null: every city's (or a command-line run's own list) */
  cityCode: string | null;
}

/**
 * Records a job for `periods` (YYYYMM) and starts the generator process for it; returns the job id at once.
 * `cityCode`: the city whose editions `regionCodes` are (its progress is shown to that city's users), null
 * when the job covers every city. The process inherits the database URL of `db`. Throws when the process
 * cannot be started.
 */
export async function startReportJob(db: Db, input: { periods: number[]; regionCodes?: string[]; cityCode: string | null; trigger: ReportTrigger; by: string }): Promise<number> {
  const job = await recordReportJob(db, input);
  const root = process.cwd();
  const cli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const args = [cli, path.join(root, 'scripts/report.ts'), '--job', String(job.id), '--months', input.periods.join(','), '--trigger', input.trigger, '--by', input.by];
  if (input.regionCodes?.length) args.push('--region', input.regionCodes.join(','));
  const logDir = path.join(root, 'data', 'reports');
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `job-${job.id}.log`), 'a');
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', log, log], env: { ...process.env, DATABASE_URL: db.url } });
  child.on('error', (e) => {
    void db.prisma.reportJob.update({ where: { id: job.id }, data: { state: 'FAILED', error: `无法启动报告生成进程：${e.message}`, finishedAt: new Date() } }).catch(() => {});
  });
  child.unref();
  fs.closeSync(log);
  return job.id;
}

/** The job row startReportJob writes before starting the process (queued, nothing done yet). */
export function recordReportJob(db: Db, input: { periods: number[]; cityCode: string | null; trigger: ReportTrigger; by: string }): Promise<{ id: number }> {
  return db.prisma.reportJob.create({
    data: { period: input.periods[0], state: 'RUNNING', total: 0, done: 0, step: '排队', trigger: input.trigger, startedBy: input.by, cityCode: input.cityCode },
    select: { id: true },
  });
}

function view(j: { id: number; period: number; state: string; total: number; done: number; created: number; step: string; trigger: string; startedBy: string; startedAt: Date; finishedAt: Date | null; error: string | null; cityCode: string | null }): ReportJobView {
  const stale = j.state === 'RUNNING' && Date.now() - j.startedAt.getTime() > STALE_MS;
  return {
    ...j, state: stale ? 'STALE' : (j.state as ReportJobView['state']), startedAt: j.startedAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null,
    error: stale ? '生成进程已中断' : j.error,
  };
}

/**
 * Job `id`, or null when there is none — or when `city` is given (a bound city user's, lib/reports/access
 * jobCity) and the job is not that city's.
 */
export async function getReportJob(db: Db, id: number, city: string | null = null): Promise<ReportJobView | null> {
  const j = await db.prisma.reportJob.findUnique({ where: { id } });
  return j && (city === null || j.cityCode === city) ? view(j) : null;
}

/** The latest jobs, newest first (the /reports page's progress list): every job, or only `city`'s when given. */
export async function recentReportJobs(db: Db, limit = 5, city: string | null = null): Promise<ReportJobView[]> {
  return (await db.prisma.reportJob.findMany({ where: city === null ? {} : { cityCode: city }, orderBy: { id: 'desc' }, take: limit })).map(view);
}

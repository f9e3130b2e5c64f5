// The report archive: every generated edition of a month (the city and each county) is kept as a version
// with its figures, PDF and DOCX. Generating again adds a version only when the figures changed (a data
// correction), so the archive shows what was circulated and what the corrected month says.
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { Db } from '../db';
import { formatPeriod } from '../format';
import { CITY_SCOPE } from '../queries/scope';
import { buildDocx } from './docx';
import { gatherReport } from './gather';
import { htmlToPdf, launchBrowser } from './pdf';
import type { ReportFigures } from './types';
import { editionCodesWithData } from './months';
import { latestVersion, META_SELECT, toMeta, versionLabel, type ReportTrigger, type VersionMeta } from './store';

export { completeMonths, editionCodes, editionCodesWithData } from './months';
export * from './store';

/** Renders the report's self-contained HTML (app/(site)/reports/_doc/html.tsx, passed in so lib does not import app). */
export type HtmlRenderer = (r: ReportFigures, meta: { versionLabel: string }) => string;

/**
 * Fingerprint of what a report states: every figure's value and every sentence. The data-through month
 * and generation time are left out, so a later month's import does not make a new version of this one.
 */
export function figuresDigest(r: ReportFigures): string {
  const values = Object.keys(r.figures).sort().map((k) => [k, r.figures[k].value]);
  const text = r.sections.map((s) => [s.id, s.sentences.map((x) => x.text)]);
  return createHash('sha256').update(JSON.stringify({ values, text, warnings: r.warnings })).digest('hex');
}

/**
 * Generates one edition and archives it as a new version when its figures differ from the latest version.
 * Returns the version written, or the latest unchanged one with `created: false`. Gathering reads as the
 * city (the system generates every edition); who may download an edition is checked when it is served.
 */
export async function generateEdition(
  db: Db,
  input: { period: number; regionCode: string; trigger: ReportTrigger; by: string; renderHtml: HtmlRenderer; browser?: Browser },
): Promise<{ created: boolean; version: VersionMeta; figures: ReportFigures }> {
  const t0 = Date.now();
  const figures = await gatherReport(db, CITY_SCOPE, { period: input.period, regionCode: input.regionCode });
  const digest = figuresDigest(figures);
  const latest = await latestVersion(db, input.period, input.regionCode);
  if (latest && latest.digest === digest) return { created: false, version: latest, figures };
  const version = (latest?.version ?? 0) + 1;
  const generatedAt = new Date();
  const label = versionLabel({ version, generatedAt, trigger: input.trigger });
  const html = input.renderHtml(figures, { versionLabel: label });
  const [pdf, docx] = await Promise.all([
    htmlToPdf(html, { header: `${figures.regionName}${formatPeriod(figures.period)}基金运行分析报告 · ${label}`, browser: input.browser }),
    buildDocx(figures, { versionLabel: label }),
  ]);
  const batch = await db.prisma.importBatch.findFirst({ where: { status: 'LOADED' }, orderBy: { id: 'desc' }, select: { id: true } });
  // The unique (period, regionCode, version) key makes a concurrent run fail here rather than overwrite.
  const row = await db.prisma.reportVersion.create({
    data: {
      period: input.period, regionCode: input.regionCode, version, figures: JSON.stringify(figures), digest,
      pdf: new Uint8Array(pdf), docx: new Uint8Array(docx), lastBatchId: batch?.id ?? null,
      trigger: input.trigger, generatedBy: input.by, generatedAt, ms: Date.now() - t0,
    },
    select: META_SELECT,
  });
  return { created: true, version: toMeta(row, pdf.length, docx.length), figures };
}

/**
 * Generates the editions of the given months (`regionCodes`, else every city's with data that month),
 * recording progress in a ReportJob row (the /reports page polls it). One Chromium serves the whole run.
 * Returns the job id; failures are recorded on the job and rethrown.
 */
export async function generateMonths(
  db: Db,
  input: { periods: number[]; regionCodes?: string[]; trigger: ReportTrigger; by: string; renderHtml: HtmlRenderer; jobId?: number; onProgress?: (msg: string) => void },
): Promise<{ jobId: number; created: number; editions: number }> {
  // Without a list: per month, the editions of every city that has data that month.
  const plan = await Promise.all(input.periods.map(async (period) => ({ period, codes: input.regionCodes ?? (await editionCodesWithData(db, period)) })));
  const total = plan.reduce((n, m) => n + m.codes.length, 0);
  const job = input.jobId
    ? await db.prisma.reportJob.update({ where: { id: input.jobId }, data: { total, state: 'RUNNING', step: '启动' } })
    : await db.prisma.reportJob.create({ data: { period: input.periods[0] ?? 0, state: 'RUNNING', total, done: 0, step: '启动', trigger: input.trigger, startedBy: input.by } });
  let created = 0;
  let done = 0;
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    for (const { period, codes } of plan) {
      for (const regionCode of codes) {
        const step = `${formatPeriod(period)} · ${regionCode}`;
        await db.prisma.reportJob.update({ where: { id: job.id }, data: { step: `正在生成 ${step}`, done, created } });
        input.onProgress?.(`[report] ${step}`);
        let r;
        try {
          r = await generateEdition(db, { period, regionCode, trigger: input.trigger, by: input.by, renderHtml: input.renderHtml, browser });
        } catch (e) {
          // Chromium under memory pressure occasionally drops the PDF stream ("IO.read"): retry once in a fresh browser.
          input.onProgress?.(`[report] ${step}: ${(e as Error).message}; retrying`);
          await browser.close().catch(() => {});
          browser = await launchBrowser();
          r = await generateEdition(db, { period, regionCode, trigger: input.trigger, by: input.by, renderHtml: input.renderHtml, browser });
        }
        if (r.created) created++;
        done++;
      }
    }
    await db.prisma.reportJob.update({ where: { id: job.id }, data: { state: 'DONE', done, created, step: '完成', finishedAt: new Date() } });
    return { jobId: job.id, created, editions: done };
  } catch (e) {
    await db.prisma.reportJob.update({ where: { id: job.id }, data: { state: 'FAILED', done, created, error: String((e as Error).message ?? e).slice(0, 500), finishedAt: new Date() } });
    throw e;
  } finally {
    await browser?.close();
  }
}

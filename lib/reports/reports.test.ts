// The monthly report on the demo city, in SQLite and PostgreSQL: the 2024-12 city report states the demo
// city's stories with the same numbers the pages' queries give; the county edition is scoped; the PDF is A4
// with extractable Chinese text and page numbers, the DOCX reads back; a correction import produces
// version 2 with the changed figure (through the import subscriber and the generator process).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds, type TestDbKind } from '../testing/databases';
import type { Db } from '../db';
import { formatValue } from '../format';
import { evaluateWarnings } from '../risk/evaluate';
import { loadYear, assembleOverview } from '../queries/overview/getOverview';
import { loadCoverageByCounty } from '../queries/collection/getCoverageByCounty';
import { loadDeficitAttribution } from '../queries/budget/getDeficitAttribution';
import { loadBudgetExecution } from '../queries/budget/getBudgetExecution';
import { loadTieredCareData } from '../queries/tieredCare/data';
import { computeShareByCounty } from '../queries/tieredCare/getShareByCounty';
import { loadWarningSummary } from '../queries/risk/getWarningSummary';
import { loadProjection } from '../queries/risk/getProjection';
import { computeSustainability } from '../queries/risk/getSustainability';
import { ScopeError } from '../queries/scope';
import { importFile } from '../ingest';
import { exportStoredRows, templateCsv } from '../ingest/export';
import { POST_IMPORT_STEPS } from '../ingest/postImport';
import { gatherReport } from './gather';
import { reportTables } from './tables';
import { completeMonths, generateEdition, latestVersion, listVersions, versionFigures, versionFile } from './archive';
import { buildDocx } from './docx';
import { getReportJob } from './jobs';
import { renderReportHtml } from '../../app/(site)/reports/_doc/html';
import type { ReportFigures } from './types';

const CITY = '439900';
const P = 202412;
const CITY_SCOPE = { kind: 'city' as const };
const DIR = path.join(TEST_DIR, 'reports');
fs.mkdirSync(DIR, { recursive: true });

const text = (r: ReportFigures) => r.sections.flatMap((s) => s.sentences.map((x) => x.text)).join('\n');
const sentenceWith = (r: ReportFigures, ...parts: string[]) => r.sections.flatMap((s) => s.sentences).find((s) => parts.every((p) => s.text.includes(p)));
const val = (r: ReportFigures, key: string) => {
  expect(r.figures[key], key).toBeDefined();
  return r.figures[key].value;
};

describe.each(testDbKinds())('monthly report on the demo city (%s)', (kind: TestDbKind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let city: ReportFigures;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind, 'demo'));
    await evaluateWarnings(db, { trigger: 'SCRIPT', actor: 'test' });
    const t0 = Date.now();
    city = await gatherReport(db, CITY_SCOPE, { period: P, regionCode: CITY });
    console.log(`[reports] ${kind}: gathered the 2024-12 city report in ${Date.now() - t0} ms (${Object.keys(city.figures).length} figures)`);
  });
  afterAll(async () => drop?.());

  it('states the falling months of reserve with the 总览 (resident filter) and 风险预警 numbers', async () => {
    const page = assembleOverview(CITY_SCOPE, CITY, { year: 2024, scheme: 'RESIDENT', region: 'ALL' }, await loadYear(db, CITY, 'RESIDENT', 2024));
    const tile = page.tiles.find((t) => t.code === 'months_of_reserve')!;
    const key = `months_of_reserve@${CITY}/RESIDENT:${P}`;
    expect(val(city, key)).toBe(tile.value);
    expect(val(city, `months_of_reserve@${CITY}/RESIDENT:${P - 100}`)).toBe(tile.previous);
    const risk = await loadProjection(db, 'RESIDENT');
    expect(val(city, key)).toBeCloseTo(risk!.history.at(-1)!.monthsOfReserve!, 9);
    expect(tile.value!).toBeGreaterThan(3);
    expect(tile.value!).toBeLessThan(tile.previous!);
    const s = sentenceWith(city, '居民医保统筹基金累计结余可支付')!;
    expect(s.text).toContain(`可支付${formatValue(tile.value, 'months')}，较上年同期减少${formatValue(tile.previous! - tile.value!, 'months')}`);
    expect(s.text).toContain('低于6.0个月的合理下限');
    expect(s.refs).toContain(key);
    // and the projection of 风险预警: when the resident balance runs out
    expect(text(city)).toMatch(/居民医保累计结余预计于\d{4}年\d{1,2}月耗尽/);
  });

  it('states how likely the shortfall is, with the numbers of 风险预警 · 基金可持续性', async () => {
    const d = (await computeSustainability(db, 'RESIDENT', P))!;
    const key = `prob_months_of_reserve_below3_12m@${CITY}/RESIDENT:${P}`;
    expect(val(city, key)).toBe(d.summary.probBelow.below3.within12);
    const line = city.projection.find((p) => p.scheme === 'RESIDENT')!;
    expect(line.stochastic).toMatchObject({ probBelow3Within12: key, depletionMedian: d.summary.depletion.median, paths: d.paths });
    const s = sentenceWith(city, '随机测算', '居民医保可支付月数低于3个月的概率')!;
    expect(s.text).toContain(`概率为${formatValue(d.summary.probBelow.below3.within12, 'ratio')}`);
    expect(s.text).toMatch(/耗尽时间的中位数为\d{4}年\d{1,2}月（80%区间\d{4}年\d{1,2}月至\d{4}年\d{1,2}月）/);
    expect(s.refs).toContain(key);
    const table = reportTables(city).find((t) => t.id === 'projection')!;
    expect(table.columns.map((c) => c.header)).toContain('12个月内低于3个月的概率（随机）');
    // a version archived before the report carried the projection keeps the table it was published with
    const archived = { ...city, projection: city.projection.map(({ stochastic: _s, ...rest }) => rest) };
    const old = reportTables(archived).find((t) => t.id === 'projection')!;
    expect(old.columns).toHaveLength(6);
    expect(old.note).toBeUndefined();
  });

  it("states 桃源县's unpaid county subsidy with the 参保征缴 and 预算执行 numbers", async () => {
    const cov = await loadCoverageByCounty(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' });
    const att = await loadDeficitAttribution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL', month: 12 });
    const delivery = cov.rows.find((r) => r.code === '439923')!.countySubsidyDelivery;
    const makeup = att.counties.find((r) => r.code === '439923')!.countyMakeup;
    expect(val(city, `subsidy_delivery_rate@439923:${P}`)).toBe(delivery);
    expect(val(city, `county_makeup_amount@439923:${P}`)).toBe(makeup);
    expect(delivery!).toBeLessThan(0.7);
    const s = sentenceWith(city, '桃源县县级财政补助到位率')!;
    expect(s.text).toContain(`到位率${formatValue(delivery, 'ratio')}`);
    expect(s.text).toContain(`县级应补足${formatValue(makeup, 'yuan')}`);
    // only 桃源县 is behind on its subsidy
    expect(city.sections.flatMap((x) => x.sentences).filter((x) => x.text.includes('县级财政补助到位率'))).toHaveLength(1);
  });

  it("states 安平市's primary-care share against pre-pooling with the 分级诊疗 numbers", async () => {
    const tc = computeShareByCounty(await loadTieredCareData(db, CITY, 'ALL'), [CITY, '439981', '439921'], 2024);
    const anping = tc.rows.find((r) => r.code === '439981')!;
    expect(val(city, `primary_visit_share@439981:${P}`)).toBeCloseTo(anping.values.primary_visit_share!, 12);
    expect(val(city, `primary_visit_share@439981:pre${anping.poolingPeriod}`)).toBe(anping.baseline.primary_visit_share);
    const s = sentenceWith(city, '安平市基层就诊占比')!;
    expect(s.text).toBe(`安平市基层就诊占比${formatValue(anping.values.primary_visit_share, 'ratio')}，较统筹前12个月（${formatValue(anping.baseline.primary_visit_share, 'ratio')}）下降${formatValue(anping.baseline.primary_visit_share! - anping.values.primary_visit_share!, 'pp').replace('+', '')}。`);
    // 清河县 (strong differentiated payment) holds
    expect(text(city)).toContain('同期清河县基层就诊占比');
  });

  it('every KPI, county row and warning count equals the pages\' queries', async () => {
    const page = assembleOverview(CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' }, await loadYear(db, CITY, 'ALL', 2024));
    for (const t of page.tiles) {
      const k = city.kpis.find((x) => x.code === t.code)!;
      // equal up to the last bits of floating-point summation order (the database's GROUP BY row order)
      expect(val(city, k.now)!, t.code).toBeCloseTo(t.value!, 12);
      if (k.yoy) expect(val(city, k.yoy)!, t.code).toBeCloseTo(t.previous!, 12);
      expect(formatValue(val(city, k.now), k.unit)).toBe(formatValue(t.value, k.unit));
    }
    for (const c of page.counties) {
      const row = city.counties.find((x) => x.code === c.code)!;
      expect(row.monthsOfReserve!, c.code).toBeCloseTo(c.values.months_of_reserve!, 12);
      expect(row.primaryShare!, c.code).toBeCloseTo(c.values.primary_visit_share!, 12);
    }
    const ex = await loadBudgetExecution(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL', month: 12 });
    for (const r of ex.counties) expect(val(city, `current_balance@${r.code}:${P}`)!, r.code).toBeCloseTo(r.balance!, 4);
    const summary = await loadWarningSummary(db, CITY_SCOPE);
    expect(city.warnings.bySeverity).toEqual(summary.bySeverity);
    expect(sentenceWith(city, '在办风险预警')!.text).toContain(`在办风险预警${summary.bySeverity.total}条`);
  });

  it('every sentence cites figures that exist, and each cited figure says where it came from', () => {
    for (const s of city.sections.flatMap((x) => x.sentences)) {
      expect(s.refs.length, s.text).toBeGreaterThan(0);
      for (const k of s.refs) expect(city.figures[k]?.source, `${k} in ${s.text}`).toBeTruthy();
    }
  });

  it('a county gets its own edition only; the city edition needs the city', async () => {
    const county = { kind: 'county' as const, regionCode: '439923' };
    const own = await gatherReport(db, county, { period: P, regionCode: '439923' });
    expect(own.counties.map((c) => c.code)).toEqual([CITY, '439923']);
    expect(own.attribution.map((c) => c.code)).toEqual(['439923']);
    // the city-wide fund figures a county edition states are the city's
    const key = `months_of_reserve@${CITY}/RESIDENT:${P}`;
    expect(own.figures[key].value).toBe(city.figures[key].value);
    expect(own.warnings.open.every((w) => w.regionName === '桃源县')).toBe(true);
    expect(text(own)).toContain('桃源县县级财政补助到位率');
    await expect(gatherReport(db, county, { period: P, regionCode: CITY })).rejects.toThrow(ScopeError);
    await expect(gatherReport(db, county, { period: P, regionCode: '439981' })).rejects.toThrow(ScopeError);
    await expect(gatherReport(db, { kind: 'public' }, { period: P, regionCode: '439923' })).rejects.toThrow(ScopeError);
    await expect(gatherReport(db, CITY_SCOPE, { period: 203001, regionCode: CITY })).rejects.toThrow(/尚无基金收支数据/);
  });

  it('the DOCX opens and reads back with the same tables', async () => {
    const bytes = await buildDocx(city, { versionLabel: '测试' });
    const file = path.join(DIR, `${kind}-city.docx`);
    fs.writeFileSync(file, bytes);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 32 << 20 });
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('江临市（全市）2024年12月基本医疗保险基金运行分析报告');
    expect(plain).toContain(sentenceWith(city, '桃源县县级财政补助到位率')!.text);
    for (const caption of ['表1 主要指标', '表4 分县（市、区）情况', '表5 基金缺口责任划分', '表6 在办风险预警']) expect(plain).toContain(caption);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(6);
    const footer = execFileSync('sh', ['-c', `unzip -p '${file}' 'word/footer*.xml'`], { encoding: 'utf8' });
    expect(footer).toMatch(/PAGE/);
  });

  it('the PDF is A4 with extractable Chinese text, page numbers and vector charts; a correction import makes version 2', async () => {
    const v1 = await generateEdition(db, { period: P, regionCode: CITY, trigger: 'MANUAL', by: 'test', renderHtml: renderReportHtml });
    expect(v1.created).toBe(true);
    expect(v1.version.version).toBe(1);
    const pdf = (await versionFile(db, P, CITY, 1, 'pdf'))!;
    const file = path.join(DIR, `${kind}-city-v1.pdf`);
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
    // pdftotext breaks lines where the page does: compare without whitespace
    const txt = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(txt).toContain('江临市（全市）2024年12月基本医疗保险基金运行分析报告');
    expect(txt).toContain('安平市基层就诊占比');
    expect(txt).toContain(`第1页/共${pages}页`);
    expect(txt).toContain('图1统筹基金可支付月数');
    // charts are vector: their axis labels are text in the PDF, not pixels
    expect(txt).toContain('合理下限6.0个月');
    expect(txt).toContain(sentenceWith(city, '桃源县县级财政补助到位率')!.text);
    // Same figures again: no new version.
    expect((await generateEdition(db, { period: P, regionCode: CITY, trigger: 'MANUAL', by: 'test', renderHtml: renderReportHtml })).created).toBe(false);

    // A correction of 石门县's December enrolment (resident scheme), imported as a file.
    const rows = await exportStoredRows(db, 'ENROLLMENT', { fromPeriod: P, toPeriod: P, regionCodes: ['439922'] });
    const resident = rows.filter((r) => r[0] === '439922' && r[1] === '城乡居民基本医疗保险');
    expect(resident).toHaveLength(1);
    const enrolled = Number(resident[0][4]);
    resident[0][4] = String(enrolled - 20000);
    const csv = path.join(DIR, `${kind}-参保-石门-2024-12-更正.csv`);
    fs.writeFileSync(csv, templateCsv('ENROLLMENT', resident));
    expect(await completeMonths(db, [202411, P])).toEqual([202411, P]);
    expect(await completeMonths(db, [203001])).toEqual([]);
    const r = await importFile(db, { file: csv, mode: 'REPLACE', importedBy: 'test' });
    expect(r.status).toBe('LOADED');
    const v2 = await generateEdition(db, { period: P, regionCode: CITY, trigger: 'IMPORT', by: 'test', renderHtml: renderReportHtml });
    expect(v2.created).toBe(true);
    expect(v2.version.version).toBe(2);
    const key = `coverage_rate@439922:${P}`;
    const before = (await versionFigures(db, P, CITY, 1))!;
    const after = (await versionFigures(db, P, CITY, 2))!;
    expect(after.figures[key].value!).toBeLessThan(before.figures[key].value!);
    const cov = await loadCoverageByCounty(db, CITY_SCOPE, CITY, { year: 2024, scheme: 'ALL', region: 'ALL' });
    expect(after.figures[key].value).toBe(cov.rows.find((x) => x.code === '439922')!.coverage);
    expect(sentenceWith(after, '石门县参保率')!.text).toContain(formatValue(after.figures[key].value, 'ratio'));
    // the archive keeps both
    expect((await listVersions(db, [CITY])).filter((v) => v.period === P).map((v) => v.version)).toEqual([2, 1]);
    expect((await versionFile(db, P, CITY, 1, 'pdf'))!.length).toBe(pdf.length);
  });

  it.runIf(kind === 'sqlite')('after an import completes a month, the subscriber starts the generator process without blocking the import', async () => {
    process.env.REPORTS_AFTER_IMPORT = '1';
    try {
      const batch = await db.prisma.importBatch.findFirstOrThrow({ orderBy: { id: 'desc' } });
      const t0 = Date.now();
      const step = POST_IMPORT_STEPS.find((s) => s.name === 'monthly-reports')!;
      await step.run({ db, batchId: batch.id, kind: 'ENROLLMENT', mode: 'REPLACE', periods: [P], regionCodes: ['439922'], importedBy: batch.importedBy, fileName: batch.fileName });
      const hookMs = Date.now() - t0;
      const job = await db.prisma.reportJob.findFirstOrThrow({ where: { trigger: 'IMPORT' }, orderBy: { id: 'desc' } });
      let view = await getReportJob(db, job.id);
      // The hooks returned while the PDFs are still being rendered in the other process.
      expect(view!.state).toBe('RUNNING');
      const t1 = Date.now();
      while (view && view.state === 'RUNNING' && Date.now() - t1 < 400_000) {
        await new Promise((res) => setTimeout(res, 1000));
        view = await getReportJob(db, job.id);
      }
      console.log(`[reports] subscriber returned in ${hookMs} ms; generator job ${view?.state} after ${Date.now() - t1} ms: ${view?.done}/${view?.total} editions, ${view?.created} new versions`);
      expect(view?.state, view?.error ?? '').toBe('DONE');
      expect(view!.total).toBe(9);
      // the city edition was already at version 2 with these figures; each county gets its first version
      expect((await latestVersion(db, P, CITY))!.version).toBe(2);
      expect(view!.created).toBe(8);
      expect((await latestVersion(db, P, '439923'))!.trigger).toBe('IMPORT');
    } finally {
      delete process.env.REPORTS_AFTER_IMPORT;
    }
  }, 600_000);
});

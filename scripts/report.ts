// 月度基金运行分析报告 from the command line, and the generator process the app starts after an import or
// on request (so rendering PDFs never runs inside a web request or blocks an import).
//   npm run report -- --month 2024-12 [--city CODE | --all-cities] [--region CODE[,CODE…]] [--out DIR]
//       generate (archive a new version when the figures changed) and write PDF + DOCX; one job per city, recording
//       it. A warehouse of several cities needs --city (or --all-cities: every city with data that month, one job each);
//       --region narrows to editions of that city.
//   npm run report -- --job ID --months 202411,202412 [--trigger IMPORT] [--by NAME]   (started by the app)
import Module from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

// The query modules are marked `server-only` for Next; this process is a server too. (The react-server
// export condition would also do it, but react-dom/server, which renders the report's HTML, refuses it.)
const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const resolve = M._resolveFilename;
M._resolveFilename = function (req: string, ...rest: unknown[]) {
  return resolve.call(this, req === 'server-only' ? path.resolve(__dirname, '../lib/testing/server-only-stub.ts') : req, ...rest);
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  // `--city --all-cities`: the next option is not this one's value
  return v === undefined || v.startsWith('--') ? undefined : v;
}

async function main() {
  const { createDb } = await import('../lib/db');
  const { generateMonths, latestVersion, versionFile } = await import('../lib/reports/archive');
  const { parseReportMonth } = await import('../lib/reports/gather');
  const { renderReportHtml } = await import('../app/(site)/reports/_doc/html');
  const db = createDb();
  try {
    const jobId = arg('job');
    if (jobId) {
      const periods = (arg('months') ?? '').split(',').filter(Boolean).map(parseReportMonth);
      const r = await generateMonths(db, {
        periods, jobId: Number(jobId), trigger: (arg('trigger') as 'IMPORT' | 'MANUAL') ?? 'MANUAL', by: arg('by') ?? '系统', renderHtml: renderReportHtml,
        regionCodes: arg('region') ? arg('region')!.split(',').filter(Boolean) : undefined, onProgress: (m) => console.log(m),
      });
      console.log(`[report] job ${r.jobId}: ${r.editions} editions, ${r.created} new versions`);
      return;
    }
    const month = arg('month');
    if (!month) throw new Error('用法：npm run report -- --month 2024-12 [--city CODE | --all-cities] [--region CODE[,CODE…]] [--out DIR]');
    if (process.argv.includes('--city') && !arg('city')) throw new Error('--city 后须写地市代码');
    const period = parseReportMonth(month);
    const { generateFromCli } = await import('../lib/reports/cli');
    const selection = { city: arg('city'), allCities: process.argv.includes('--all-cities'), regions: arg('region')?.split(',').filter(Boolean) };
    const out = path.resolve(arg('out') ?? 'data/reports');
    fs.mkdirSync(out, { recursive: true });
    const t0 = Date.now();
    const runs = await generateFromCli(db, { period, selection, by: process.env.USER ?? '命令行', renderHtml: renderReportHtml, onProgress: (m) => console.log(m) });
    const r = { editions: runs.reduce((n, x) => n + x.editions, 0), created: runs.reduce((n, x) => n + x.created, 0) };
    for (const code of runs.flatMap((x) => x.regionCodes)) {
      const v = await latestVersion(db, period, code);
      if (!v) continue;
      for (const fmt of ['pdf', 'docx'] as const) {
        const bytes = await versionFile(db, period, code, v.version, fmt);
        const file = path.join(out, `${period}-${code}-v${v.version}.${fmt}`);
        fs.writeFileSync(file, bytes!);
        console.log(`${file} (${bytes!.length.toLocaleString()} bytes)`);
      }
    }
    console.log(`[report] ${runs.map((x) => `${x.cityCode} job ${x.jobId}`).join(', ')}: ${r.editions} editions, ${r.created} new versions, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

main().catch((e) => { console.error('[report] 失败:', e instanceof Error ? e.message : e); process.exit(1); });

// `npm run report` and the city of its jobs: which cities a command line covers (pure), and on a warehouse of
// two cities in SQLite and PostgreSQL: the command refuses to run without a city and names the cities (the real
// script, as a process), plans one run per city with --all-cities, and a run for one city records that city
// on its job and generates only that city's editions.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKinds, type TestDbKind } from '../testing/databases';
import { addSecondCity, CITY_B, CITY_B_NAME, COUNTY_B } from '../testing/smallSecondCity';
import type { Db } from '../db';
import type { Pool } from '../regions/pools';
import { cliCities, generateFromCli, planCliRuns, ReportCliError } from './cli';
import { editionCodes } from './months';
import { getReportJob } from './jobs';
import { renderReportHtml } from '../../app/(site)/reports/_doc/html';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

const pool = (code: string, name: string, counties: string[]): Pool => ({
  code, name, shortName: name, kind: 'CITY', counties: counties.map((k) => ({ code: k, name: k, shortName: k, kind: 'COUNTY' })),
});
const A = pool('439900', '江临市', ['439921', '439922']);
const B = pool(CITY_B, CITY_B_NAME, [COUNTY_B]);

describe('cliCities: the cities a command-line run covers', () => {
  it('one city: that city, with or without --city', () => {
    expect(cliCities([A], {})).toEqual([A]);
    expect(cliCities([A], { city: '439900' })).toEqual([A]);
    expect(cliCities([A], { regions: ['439922'] })).toEqual([A]);
    expect(() => cliCities([A], { city: CITY_B })).toThrow(/本库没有地市 439800；本库的地市：439900 江临市/);
  });

  it('several cities: --city names one, --all-cities takes each; neither is refused with the cities listed', () => {
    expect(cliCities([A, B], { city: CITY_B })).toEqual([B]);
    expect(cliCities([A, B], { allCities: true })).toEqual([A, B]);
    expect(() => cliCities([A, B], {})).toThrow(ReportCliError);
    expect(() => cliCities([A, B], {})).toThrow(`本库有 2 个地市，请用 --city <代码> 指定其一，或用 --all-cities 逐市生成：439900 江临市、${CITY_B} ${CITY_B_NAME}`);
    expect(() => cliCities([A, B], { regions: [COUNTY_B] })).toThrow(/请用 --city/);
  });

  it('contradictions and regions of another city are refused', () => {
    expect(() => cliCities([A, B], { city: CITY_B, allCities: true })).toThrow(/只能选其一/);
    expect(() => cliCities([A, B], { allCities: true, regions: [COUNTY_B] })).toThrow(/不能与 --all-cities 同用/);
    expect(() => cliCities([A, B], { city: CITY_B, regions: [COUNTY_B, '439922'] })).toThrow(`439922 不是${CITY_B_NAME}（${CITY_B}）的地区`);
    expect(() => cliCities([], {})).toThrow(/尚未登记地市/);
  });
});

describe.each(testDbKinds())('npm run report on a warehouse of two cities (%s)', (kind: TestDbKind) => {
  let db: Db;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, url, drop } = await freshDatabase(kind, 'demo'));
    await addSecondCity(db);
  }, 180_000);
  afterAll(async () => drop?.());

  it('the command without --city fails, naming both cities, and records no job', async () => {
    const jobs = await db.prisma.reportJob.count();
    const cli = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const err = await run(process.execPath, [cli, path.join(ROOT, 'scripts/report.ts'), '--month', '2024-12', '--out', path.join(ROOT, '.tmp/test/report-cli')], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url },
    }).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain(`439900 江临市、${CITY_B} ${CITY_B_NAME}`);
    expect(err?.stderr).toContain('--city');
    expect(await db.prisma.reportJob.count()).toBe(jobs);
  }, 60_000);

  it('--all-cities: one run per city with data that month, each its own editions', async () => {
    const runs = await planCliRuns(db, 202412, { allCities: true });
    expect(runs.map((r) => r.cityCode)).toEqual(['439900', CITY_B]);
    expect(runs[0].regionCodes).toEqual(await editionCodes(db, '439900'));
    expect(runs[1].regionCodes).toEqual([CITY_B, COUNTY_B]);
    // city B has no data before 2022: left out, no job for it
    expect((await planCliRuns(db, 201812, { allCities: true })).map((r) => r.cityCode)).toEqual(['439900']);
    await expect(planCliRuns(db, 201812, { city: CITY_B })).rejects.toThrow(`${CITY_B_NAME}（${CITY_B}）2018年12月没有基金收支数据`);
    await expect(planCliRuns(db, 202412, {})).rejects.toThrow(ReportCliError);
  });

  it('--city: the job records that city and the run generates its editions only', async () => {
    const results = await generateFromCli(db, { period: 202412, selection: { city: CITY_B }, by: 'test', renderHtml: renderReportHtml });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ cityCode: CITY_B, regionCodes: [CITY_B, COUNTY_B], editions: 2, created: 2 });
    const job = (await getReportJob(db, results[0].jobId))!;
    expect(job).toMatchObject({ cityCode: CITY_B, state: 'DONE', trigger: 'CLI', startedBy: 'test', total: 2, done: 2, created: 2 });
    // a city user bound to the demo city does not follow it (lib/reports/access jobCity)
    expect(await getReportJob(db, results[0].jobId, '439900')).toBeNull();
    const made = await db.prisma.reportVersion.findMany({ where: { trigger: 'CLI', generatedBy: 'test' }, select: { regionCode: true }, orderBy: { id: 'asc' } });
    expect(made.map((v) => v.regionCode)).toEqual([CITY_B, COUNTY_B]);
  }, 180_000);
});

// `npm run report` (scripts/report.ts): which city's editions a command-line run generates, and one ReportJob
// per city with that city recorded on it, as the app's runs record theirs (lib/reports/jobs, access.ts): a
// job without a city would show every city's users a run that was one city's. In a warehouse of several
// cities (设区市, each its own 市级统筹 pool) the run must name its city, or ask for every city explicitly.
import type { Db } from '../db';
import { formatPeriod } from '../format';
import type { Pool } from '../regions/pools';
import { generateMonths, type HtmlRenderer } from './archive';
import { recordReportJob } from './jobs';
import { editionCodesWithData, loadPools } from './months';

/** The command line's choice: `--city CODE`, `--all-cities`, `--region CODE[,CODE…]` (each optional). */
export interface CliSelection {
  city?: string;
  allCities?: boolean;
  regions?: string[];
}

/** A command line that cannot be run as given (the message names what is wrong and the cities to choose from). */
export class ReportCliError extends Error {}

const cityList = (cities: readonly Pool[]) => cities.map((c) => `${c.code} ${c.name}`).join('、');
const codesOf = (c: Pool) => [c.code, ...c.counties.map((k) => k.code)];

/**
 * The cities a command-line run covers, in the warehouse's city order. One city in the warehouse: that city
 * (`--city`, when given, must be it). Several: `--city` names one, `--all-cities` takes every one; neither is
 * an error. `--region` codes must all be editions of the one city chosen.
 * @param cities the warehouse's cities (lib/regions/pools), with their counties
 * @throws ReportCliError naming the cities of the warehouse when the choice is missing, unknown or contradictory
 */
export function cliCities(cities: readonly Pool[], sel: CliSelection): Pool[] {
  if (cities.length === 0) throw new ReportCliError('本库尚未登记地市，不能生成月度报告');
  if (sel.city !== undefined && sel.allCities) throw new ReportCliError('--city 与 --all-cities 只能选其一');
  if (sel.allCities && sel.regions?.length) throw new ReportCliError('--region 须与 --city 同用（所列地区属于该市），不能与 --all-cities 同用');
  let chosen: Pool[];
  if (sel.allCities) chosen = [...cities];
  else if (sel.city !== undefined) {
    const c = cities.find((x) => x.code === sel.city);
    if (!c) throw new ReportCliError(`本库没有地市 ${sel.city}；本库的地市：${cityList(cities)}`);
    chosen = [c];
  } else if (cities.length === 1) chosen = [cities[0]];
  else throw new ReportCliError(`本库有 ${cities.length} 个地市，请用 --city <代码> 指定其一，或用 --all-cities 逐市生成：${cityList(cities)}`);
  if (sel.regions?.length) {
    const own = codesOf(chosen[0]);
    const foreign = sel.regions.filter((r) => !own.includes(r));
    if (foreign.length) throw new ReportCliError(`${foreign.join('、')} 不是${chosen[0].name}（${chosen[0].code}）的地区；该市的报告版本：${own.join('、')}`);
  }
  return chosen;
}

/** One city's share of a command-line run: its region codes to generate (the city's own first). */
export interface CliRun {
  cityCode: string;
  cityName: string;
  regionCodes: string[];
}

/**
 * The runs of month `period` (YYYYMM): per chosen city (cliCities), the `--region` codes, else the city's
 * editions when it has ledger rows that month. With `--all-cities`, a city without data that month is left
 * out (no job), as an import leaves it out.
 * @throws ReportCliError as cliCities, and when no chosen city has data that month
 */
export async function planCliRuns(db: Db, period: number, sel: CliSelection): Promise<CliRun[]> {
  const chosen = cliCities(await loadPools(db), sel);
  const withData = new Set(await editionCodesWithData(db, period));
  const runs = chosen
    .map((c) => ({ cityCode: c.code, cityName: c.name, regionCodes: sel.regions?.length ? [...sel.regions] : codesOf(c).filter((code) => withData.has(code)) }))
    .filter((r) => r.regionCodes.length > 0);
  if (runs.length === 0) {
    const who = chosen.length === 1 ? `${chosen[0].name}（${chosen[0].code}）` : '本库各地市';
    throw new ReportCliError(`${who}${formatPeriod(period)}没有基金收支数据，没有可生成的报告`);
  }
  return runs;
}

/** What one city's job did: the job's id, the editions generated and the new versions archived. */
export interface CliRunResult extends CliRun {
  jobId: number;
  editions: number;
  created: number;
}

/**
 * Generates month `period` for the chosen cities (planCliRuns), one ReportJob per city recording that city
 * (trigger CLI, started by `by`), city after city. Rethrows a failed generation (the job records it as
 * FAILED); cities after it are not run.
 */
export async function generateFromCli(
  db: Db,
  input: { period: number; selection: CliSelection; by: string; renderHtml: HtmlRenderer; onProgress?: (msg: string) => void },
): Promise<CliRunResult[]> {
  const runs = await planCliRuns(db, input.period, input.selection);
  const out: CliRunResult[] = [];
  for (const run of runs) {
    const job = await recordReportJob(db, { periods: [input.period], cityCode: run.cityCode, trigger: 'CLI', by: input.by });
    input.onProgress?.(`[report] ${run.cityName}（${run.cityCode}）：任务 ${job.id}，${run.regionCodes.length} 个版本`);
    const r = await generateMonths(db, { periods: [input.period], regionCodes: run.regionCodes, trigger: 'CLI', by: input.by, renderHtml: input.renderHtml, jobId: job.id, onProgress: input.onProgress });
    out.push({ ...run, jobId: r.jobId, editions: r.editions, created: r.created });
  }
  return out;
}

// The product's SQL fits the distributed layout (prisma/SCALE-OUT.md, prisma/citus): every page's data
// loaders, the risk evaluation, the public report, the monthly report and an import run against the demo
// city in PostgreSQL while every statement the pg driver sends is captured; each statement that touches a
// distributed table must be keyed by its region column (predicate or GROUP BY) or be listed in MULTI_SHARD
// below with the reason Citus runs it well anyway. A join of two distributed tables without region
// equality is never acceptable. PostgreSQL only: that is the dialect Citus speaks.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, TEST_DIR, testDbKinds } from '../testing/databases';
import { NameAsTextClient } from './pg';
import { checkStatement, loadSqlParser, type DistributionMap, type Finding, type FindingKind } from './distribution';
import { distributionMap, readCitusScripts } from './citusScript';
import type { Db } from './index';
import { CITY_SCOPE } from '../auth/scope';
import { loadDatasetInfo } from '../queries/meta/getDatasetInfo';
import { loadYear } from '../queries/overview/getOverview';
import { loadFundTrend } from '../queries/overview/getFundTrend';
import { loadCollectionYear } from '../queries/collection/inputs';
import { loadCollectionProgress } from '../queries/collection/getCollectionProgress';
import { loadContributionStandards } from '../queries/collection/getContributionStandards';
import { loadEnrolmentTrend } from '../queries/collection/getEnrolmentTrend';
import { loadBudgetData } from '../queries/budget/data';
import { loadRemittances } from '../queries/budget/getRemittances';
import { loadAccumulatedBalance } from '../queries/budget/getAccumulatedBalance';
import { loadProjection } from '../queries/risk/getProjection';
import { loadSustainability } from '../queries/risk/getSustainability';
import { loadWarnings } from '../queries/risk/getWarnings';
import { loadWarningSummary } from '../queries/risk/getWarningSummary';
import { loadHandlingHistory } from '../queries/risk/getHandlingHistory';
import { loadRuleDefinitions } from '../queries/risk/getRuleDefinitions';
import { loadTieredCareData } from '../queries/tieredCare/data';
import { loadPatientFlowCells } from '../queries/tieredCare/getPatientFlows';
import { loadProfileYear } from '../queries/counties/profileInputs';
import { computeLiveYear, getCurrentScheme } from '../queries/assessment/store';
import { loadRiskData } from '../risk/data';
import { buildOpenReport, publishableYears } from '../open/build';
import { gatherReport } from '../reports/gather';
import { completeMonths, editionCodes } from '../reports/months';
import { importFile } from '../ingest';
import { exportStoredRows, templateCsv } from '../ingest/export';
import { generateDemoCity } from '../demo/generate';
import { writeSettlementCsv } from '../demo/settlements';

const CITY = '439900';
const COUNTY = '439922';

/**
 * Statements allowed to run on every shard, per loader and table, with the reason. Multi-shard reads are
 * fine on Citus when they aggregate (each shard aggregates, the coordinator merges a few rows) or are small;
 * what is listed here is what a reviewer should look at when the data grows. Entries nobody uses fail the
 * test, so the list stays the list of what the product actually does.
 */
const PROBE = 'MIN/MAX(period) or COUNT(*) of a month: one aggregate per shard, the coordinator merges one row per shard';
const CITY_TOTAL = 'city-wide totals GROUP BY period (and item or level): partial aggregates on every shard, merged on the coordinator (a few hundred rows)';
const CITY_ROWS = 'all rows of the scheme and period range, folded per county in application code: one city per database today; at national scale these reads take the city\'s region codes as a predicate (SCALE-OUT.md, "Queries that change")';
const RISK_INPUTS = 'the risk evaluation (after every import) reads the whole city\'s enrolment, contribution and budget rows once: off the request path; region-scoped with the same change as CITY_ROWS';
const RISK_INSTITUTIONS = 'institution anomaly rules: GROUP BY institution over UtilizationFact, a two-phase aggregate (per shard, then on the coordinator), run after an import, never per request';
const ROLLUP_REFRESH = 'rollup refresh of the imported months: one DELETE per shard inside the import transaction';
const ROLLUP_SUCCESSOR = 'rollups book a superseded code (撤县设市/区) under its successor, so the target region can differ from the source row\'s: Citus runs it as a repartitioned INSERT … SELECT at import time';
const MULTI_SHARD: { loader: string; table: string; kind?: FindingKind; why: string }[] = [
  { loader: 'meta/loadDatasetInfo', table: 'LedgerFact', why: PROBE },
  { loader: 'overview/loadYear', table: 'LedgerFact', why: PROBE },
  { loader: 'collection/loadCollectionYear', table: 'EnrollmentFact', why: PROBE },
  { loader: 'counties/loadProfileYear', table: 'LedgerFact', why: PROBE },
  { loader: 'assessment/computeLiveYear', table: 'LedgerFact', why: PROBE },
  { loader: 'open/publishableYears', table: 'LedgerFact', why: PROBE },
  { loader: 'reports/gatherReport', table: 'LedgerFact', why: PROBE },
  { loader: 'overview/loadFundTrend', table: 'LedgerFact', why: CITY_TOTAL },
  { loader: 'overview/loadFundTrend', table: 'BalanceFact', why: CITY_TOTAL },
  { loader: 'collection/loadCollectionProgress', table: 'ContributionFact', why: CITY_TOTAL },
  { loader: 'risk/loadProjection', table: 'LedgerFact', why: CITY_TOTAL },
  { loader: 'risk/loadProjection', table: 'BalanceFact', why: CITY_TOTAL },
  { loader: 'risk/loadSustainability', table: 'LedgerFact', why: CITY_TOTAL },
  { loader: 'risk/loadSustainability', table: 'BalanceFact', why: CITY_TOTAL },
  { loader: 'risk/loadSustainability', table: 'UtilizationRollup', why: CITY_TOTAL },
  { loader: 'reports/gatherReport', table: 'BalanceFact', why: CITY_TOTAL },
  { loader: 'budget/loadBudgetData', table: 'BudgetLine', why: CITY_ROWS },
  { loader: 'budget/loadBudgetData', table: 'ContributionFact', why: CITY_ROWS },
  { loader: 'budget/loadRemittances', table: 'BudgetLine', why: CITY_ROWS },
  { loader: 'budget/loadRemittances', table: 'ContributionFact', why: CITY_ROWS },
  { loader: 'budget/loadRemittances', table: 'RemittanceFact', why: CITY_ROWS },
  { loader: 'counties/loadProfileYear', table: 'FamilyDoctorFact', why: CITY_ROWS },
  { loader: 'counties/loadProfileYear', table: 'RemittanceFact', why: CITY_ROWS },
  { loader: 'assessment/computeLiveYear', table: 'FamilyDoctorFact', why: CITY_ROWS },
  { loader: 'assessment/computeLiveYear', table: 'RemittanceFact', why: CITY_ROWS },
  { loader: 'risk/loadSustainability', table: 'EnrollmentFact', why: CITY_ROWS },
  { loader: 'reports/gatherReport', table: 'BudgetLine', why: CITY_ROWS },
  { loader: 'reports/gatherReport', table: 'ContributionFact', why: CITY_ROWS },
  { loader: 'risk/loadRiskData', table: 'EnrollmentFact', why: RISK_INPUTS },
  { loader: 'risk/loadRiskData', table: 'ContributionFact', why: RISK_INPUTS },
  { loader: 'risk/loadRiskData', table: 'BudgetLine', why: RISK_INPUTS },
  { loader: 'ingest/importFile LEDGER', table: 'EnrollmentFact', why: RISK_INPUTS },
  { loader: 'ingest/importFile LEDGER', table: 'ContributionFact', why: RISK_INPUTS },
  { loader: 'ingest/importFile LEDGER', table: 'BudgetLine', why: RISK_INPUTS },
  { loader: 'ingest/importFile SETTLEMENT', table: 'EnrollmentFact', why: RISK_INPUTS },
  { loader: 'ingest/importFile SETTLEMENT', table: 'ContributionFact', why: RISK_INPUTS },
  { loader: 'ingest/importFile SETTLEMENT', table: 'BudgetLine', why: RISK_INPUTS },
  { loader: 'risk/loadRiskData', table: 'UtilizationFact', why: RISK_INSTITUTIONS },
  { loader: 'ingest/importFile LEDGER', table: 'UtilizationFact', why: RISK_INSTITUTIONS },
  { loader: 'ingest/importFile SETTLEMENT', table: 'UtilizationFact', why: RISK_INSTITUTIONS },
  { loader: 'ingest/importFile SETTLEMENT', table: 'UtilizationRollup', why: ROLLUP_REFRESH },
  { loader: 'ingest/importFile SETTLEMENT', table: 'UtilizationFlowRollup', why: ROLLUP_REFRESH },
  { loader: 'ingest/importFile SETTLEMENT', table: 'UtilizationRollup', kind: 'insert-select-not-colocated', why: ROLLUP_SUCCESSOR },
  { loader: 'ingest/importFile SETTLEMENT', table: 'UtilizationFlowRollup', kind: 'insert-select-not-colocated', why: ROLLUP_SUCCESSOR },
];

const kinds = testDbKinds().filter((k) => k === 'postgres');

describe.skipIf(kinds.length === 0)('co-location of the product\'s SQL (PostgreSQL)', () => {
  let dist: DistributionMap;
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  const captured: { loader: string; sql: string }[] = [];
  let loader = '';
  const original = NameAsTextClient.prototype.query;

  beforeAll(async () => {
    await loadSqlParser();
    dist = distributionMap(readCitusScripts());
    fresh = await freshDatabase('postgres', 'demo');
    db = fresh.db;
    // Every statement of Prisma (adapter-pg) and of the bulk writer goes through this client class.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    NameAsTextClient.prototype.query = function (this: NameAsTextClient, ...args: any[]) {
      const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
      if (typeof text === 'string' && loader) captured.push({ loader, sql: text });
      return original.apply(this, args as Parameters<typeof original>);
    };
  });
  afterAll(async () => {
    NameAsTextClient.prototype.query = original;
    await fresh?.drop();
  });

  const run = async (name: string, f: () => Promise<unknown>) => { loader = name; try { await f(); } finally { loader = ''; } };

  it('captures and checks the SQL of every page, the risk evaluation, the reports and an import', async () => {
    const info = (await loadDatasetInfo(db))!;
    await run('meta/loadDatasetInfo', () => loadDatasetInfo(db));
    const counties = info.counties.map((c) => c.code);
    for (const region of ['ALL', COUNTY] as const) {
      const req = { year: 2024, scheme: 'RESIDENT' as const, region };
      const breq = { ...req, month: null };
      await run('overview/loadYear', () => loadYear(db, CITY, 'RESIDENT', 2024));
      await run('overview/loadFundTrend', () => loadFundTrend(db, CITY, 'RESIDENT', region));
      await run('collection/loadCollectionYear', () => loadCollectionYear(db, CITY, 'ALL', 2024));
      await run('collection/loadCollectionProgress', () => loadCollectionProgress(db, CITY_SCOPE, req));
      await run('collection/loadContributionStandards', () => loadContributionStandards(db, CITY_SCOPE, CITY, 2024, region));
      await run('collection/loadEnrolmentTrend', () => loadEnrolmentTrend(db, CITY_SCOPE, CITY, 2024, region));
      await run('budget/loadBudgetData', () => loadBudgetData(db, CITY, 'ALL'));
      await run('budget/loadRemittances', () => loadRemittances(db, CITY_SCOPE, CITY, breq));
      await run('budget/loadAccumulatedBalance', () => loadAccumulatedBalance(db, CITY_SCOPE, CITY, { ...breq, asOf: 202412 }));
      await run('risk/loadWarnings', () => loadWarnings(db, CITY_SCOPE, { status: 'OPEN' as never, severity: 'ALL', region, rule: 'ALL', page: 1, pscheme: 'RESIDENT' }));
      await run('risk/loadWarningSummary', () => loadWarningSummary(db, CITY_SCOPE, { region, rule: 'ALL' }));
      await run('risk/loadHandlingHistory', () => loadHandlingHistory(db, CITY_SCOPE, { region }));
    }
    await run('risk/loadProjection', () => loadProjection(db, 'RESIDENT'));
    await run('risk/loadSustainability', () => loadSustainability(db, 'RESIDENT'));
    await run('risk/loadRuleDefinitions', () => loadRuleDefinitions(db));
    await run('tieredCare/loadTieredCareData', () => loadTieredCareData(db, CITY, 'RESIDENT'));
    await run('tieredCare/loadPatientFlowCells', () => loadPatientFlowCells(db, 'RESIDENT', 'INPATIENT'));
    await run('counties/loadProfileYear', () => loadProfileYear(db, CITY, 'RESIDENT', 2024, counties));
    const scheme = await getCurrentScheme(db);
    await run('assessment/computeLiveYear', () => computeLiveYear(db, CITY, counties, 2023, scheme.scheme));
    await run('risk/loadRiskData', () => loadRiskData(db));
    await run('open/publishableYears', () => publishableYears(db));
    await run('open/buildOpenReport', () => buildOpenReport(db, 2023));
    await run('reports/editionCodes', () => editionCodes(db));
    await run('reports/completeMonths', () => completeMonths(db, [202411, 202412]));
    await run('reports/gatherReport', () => gatherReport(db, CITY_SCOPE, { period: 202412, regionCode: CITY }));
    await run('reports/gatherReport', () => gatherReport(db, CITY_SCOPE, { period: 202412, regionCode: COUNTY }));

    // Imports: a corrected month of ledger facts (REPLACE) and a month of one county's settlement records.
    const dir = path.join(TEST_DIR, 'colocation');
    fs.mkdirSync(dir, { recursive: true });
    const ledger = (await exportStoredRows(db, 'LEDGER', { fromPeriod: 202412, toPeriod: 202412 })).filter((r) => r[0] === COUNTY);
    const ledgerFile = path.join(dir, `ledger-${process.pid}.csv`);
    fs.writeFileSync(ledgerFile, templateCsv('LEDGER', ledger));
    await run('ingest/importFile LEDGER', async () => expect((await importFile(db, { file: ledgerFile, mode: 'REPLACE', importedBy: 'test' })).status).toBe('LOADED'));
    const cells = generateDemoCity().utilization.filter((u) => u.period === 202412 && u.insuredRegionCode === COUNTY);
    const settleFile = path.join(dir, `settlement-${process.pid}.csv`);
    const ws = fs.createWriteStream(settleFile);
    await writeSettlementCsv(ws, cells, { limit: 20_000 });
    await new Promise<void>((res) => ws.end(() => res()));
    await run('ingest/importFile SETTLEMENT', async () => expect((await importFile(db, { file: settleFile, mode: 'REPLACE', importedBy: 'test' })).status).toBe('LOADED'));

    // Check every captured statement.
    const problems: string[] = [];
    const used = new Set<number>();
    let touching = 0;
    for (const { loader: l, sql } of captured) {
      let findings: Finding[];
      try { findings = checkStatement(sql, dist); } catch (e) { problems.push(`${l}: unparsable SQL (${(e as Error).message}): ${sql.slice(0, 200)}`); continue; }
      if (Object.keys(dist).some((t) => sql.includes(`"${t}"`))) touching++;
      for (const f of findings) {
        // A join of two distributed tables without region equality is never listed.
        const allowed = f.kind === 'join-without-region' ? -1 : MULTI_SHARD.findIndex((m) => m.loader === l && m.table === f.table && (m.kind ?? 'no-region-key') === f.kind);
        if (allowed >= 0) { used.add(allowed); continue; }
        problems.push(`${l}: ${f.kind}: ${f.detail}\n    ${sql.replace(/\s+/g, ' ').slice(0, 400)}`);
      }
    }
    console.log(`[colocation] ${captured.length} statements captured, ${touching} touch distributed tables, ${used.size} multi-shard entries used`);
    expect([...new Set(problems)]).toEqual([]);
    expect(MULTI_SHARD.filter((_, i) => !used.has(i)).map((m) => `${m.loader} ${m.table}`), 'entries no statement needs').toEqual([]);
    expect(touching).toBeGreaterThan(50);
  });

  it('catches a fact-to-fact join without region equality issued through the same capture', async () => {
    captured.length = 0;
    await run('negative', () => db.prisma.$queryRawUnsafe(
      `SELECT l."period", SUM(u."visits") FROM "LedgerFact" l JOIN "UtilizationFact" u ON u."period" = l."period"
        WHERE l."regionCode" = $1 AND u."insuredRegionCode" = $2 GROUP BY l."period"`, COUNTY, COUNTY));
    expect(captured.map((c) => c.loader)).toContain('negative');
    const findings = captured.flatMap((c) => checkStatement(c.sql, dist));
    expect(findings.map((f) => f.kind)).toEqual(['join-without-region']);
  });
});

// Test fixture: a second city (pool) in the demo warehouse, so queries can be checked against a province's
// worth of rows. The demo city's rows from `fromPeriod` on are copied under the second city's codes
// (4399xx → 4398xx, the city 439900 → 439800), both cities placed under a province 439000 (local test codes,
// unused in GB/T 2260). Amounts are multiplied by `factor`, so a figure that mixes the two cities shows.
import type { Db } from '../db';

export const PROVINCE = '439000';
export const SECOND_CITY = '439800';

/** '439922' → '439822'; the demo city's own code → the second city's. */
export const secondCode = (code: string) => (code.startsWith('4399') ? `4398${code.slice(4)}` : code);

/**
 * Adds the province, places the demo city under it and copies the demo city's facts from `fromPeriod` on
 * (enrolment, contributions, ledgers, balances, every budget version as its own, utilization and flow
 * rollups, remittances, family-doctor signing, pooling months) as the second city's, money and counts ×
 * `factor` (counts rounded; pooling months and remittance dates as they are).
 */
export async function addSecondCity(db: Db, opts: { fromPeriod: number; factor: number }): Promise<void> {
  const p = db.prisma;
  const f = opts.factor;
  const regions = await p.region.findMany({ where: { code: { startsWith: '4399' } } });
  await p.region.create({ data: { code: PROVINCE, name: '测试省', shortName: '测试', kind: 'PROVINCE', parentCode: null, isLocalCode: true, sortOrder: 0 } });
  await p.region.update({ where: { code: '439900' }, data: { parentCode: PROVINCE } });
  await p.region.createMany({
    data: regions.map((r) => ({
      ...r,
      code: secondCode(r.code),
      name: r.kind === 'CITY' ? '测试二市' : `二市${r.name}`,
      shortName: r.kind === 'CITY' ? '二市' : `二${r.shortName}`,
      parentCode: r.kind === 'CITY' ? PROVINCE : r.parentCode ? secondCode(r.parentCode) : null,
      successorCode: r.successorCode ? secondCode(r.successorCode) : null,
    })),
  });
  const from = { period: { gte: opts.fromPeriod } };
  const n = (x: number) => Math.round(x * f);
  const chunks = async <T,>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 2000) await write(rows.slice(i, i + 2000));
  };
  await chunks((await p.enrollmentFact.findMany({ where: from })).map(({ id: _id, ...r }) => ({
    ...r, regionCode: secondCode(r.regionCode), shouldEnroll: n(r.shouldEnroll), enrolled: n(r.enrolled),
  })), (data) => p.enrollmentFact.createMany({ data }));
  await chunks((await p.contributionFact.findMany({ where: from })).map(({ id: _id, ...r }) => ({
    ...r, regionCode: secondCode(r.regionCode), due: r.due * f, collected: r.collected * f,
  })), (data) => p.contributionFact.createMany({ data }));
  await chunks((await p.ledgerFact.findMany({ where: from })).map(({ id: _id, ...r }) => ({
    ...r, regionCode: secondCode(r.regionCode), amount: r.amount * f,
  })), (data) => p.ledgerFact.createMany({ data }));
  await chunks((await p.balanceFact.findMany({ where: from })).map(({ id: _id, ...r }) => ({
    ...r, regionCode: secondCode(r.regionCode), balance: r.balance * f,
  })), (data) => p.balanceFact.createMany({ data }));
  // Each city approves its own budget: every version of the demo city is copied as the second city's own
  // (same year, seq and dates, the second city's 文号), its lines onto the copy.
  for (const v of await p.budgetVersion.findMany({ where: { cityCode: '439900' }, include: { lines: true }, orderBy: { id: 'asc' } })) {
    const { id: _id, lines, ...version } = v;
    const copy = await p.budgetVersion.create({ data: { ...version, cityCode: SECOND_CITY, docNo: `二市${version.docNo}` } });
    await chunks(lines.map(({ id: _l, ...r }) => ({
      ...r, versionId: copy.id, regionCode: secondCode(r.regionCode), amount: r.amount * f,
    })), (data) => p.budgetLine.createMany({ data }));
  }
  await chunks((await p.utilizationRollup.findMany({ where: from })).map((r) => ({
    ...r, insuredRegionCode: secondCode(r.insuredRegionCode), visits: n(r.visits), totalCost: r.totalCost * f, policyCost: r.policyCost * f,
    fundPaid: r.fundPaid * f, outOfPocket: r.outOfPocket * f, referralsUp: n(r.referralsUp), referralsDown: n(r.referralsDown),
  })), (data) => p.utilizationRollup.createMany({ data }));
  await chunks((await p.utilizationFlowRollup.findMany({ where: from })).map((r) => ({
    ...r, insuredRegionCode: secondCode(r.insuredRegionCode), institutionRegionCode: secondCode(r.institutionRegionCode),
    visits: n(r.visits), totalCost: r.totalCost * f, fundPaid: r.fundPaid * f,
  })), (data) => p.utilizationFlowRollup.createMany({ data }));
  await chunks((await p.remittanceFact.findMany({ where: from })).map(({ id: _id, ...r }) => ({
    ...r, regionCode: secondCode(r.regionCode), amount: r.amount * f,
  })), (data) => p.remittanceFact.createMany({ data }));
  await chunks((await p.familyDoctorFact.findMany({ where: { year: { gte: Math.floor(opts.fromPeriod / 100) } } })).map(({ id: _id, ...r }) => ({
    ...r, regionCode: secondCode(r.regionCode), residents: n(r.residents), signed: n(r.signed), keyPopulation: n(r.keyPopulation), keySigned: n(r.keySigned),
  })), (data) => p.familyDoctorFact.createMany({ data }));
  await chunks((await p.poolingMilestone.findMany()).map((r) => ({ ...r, regionCode: secondCode(r.regionCode) })), (data) => p.poolingMilestone.createMany({ data }));
}

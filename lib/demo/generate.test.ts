// The demo city is deterministic and tells the stories listed in README (演示数据); these tests read them off the
// generated rows (no database), so a change to the generator that loses a story fails here.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { generateDemoCity, monthsBetween } from './generate';
import { COUNTIES, DEMO_CITY_SPEC } from './city';

const city = generateDemoCity();
const inst = new Map(city.institutions.map((i) => [i.code, i]));
const yearOf = (p: number) => Math.floor(p / 100);
const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);

function primaryShare(region: string, year: number) {
  const rows = city.utilization.filter((u) => u.insuredRegionCode === region && yearOf(u.period) === year && u.schemeCode !== 'MATERNITY');
  return sum(rows.filter((u) => inst.get(u.institutionCode)!.level === 'PRIMARY'), (u) => u.visits) / sum(rows, (u) => u.visits);
}

describe('demo city generator', () => {
  it('generates the demo city byte for byte as before the generator took a CitySpec (one generator for every city of the province)', () => {
    // sha256 of JSON.stringify(generateDemoCity()) at main f148814, before the refactor.
    expect(createHash('sha256').update(JSON.stringify(city)).digest('hex')).toBe('3a7684408d684c056ef67463d319537d197a639fef8eddd6381dd3d74bcd8127');
    expect(JSON.stringify(generateDemoCity({ city: DEMO_CITY_SPEC }))).toBe(JSON.stringify(city));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const h = (c: ReturnType<typeof generateDemoCity>) => createHash('sha1').update(JSON.stringify(c.utilization.slice(0, 5000))).update(JSON.stringify(c.ledger.slice(0, 2000))).digest('hex');
    expect(h(generateDemoCity())).toBe(h(city));
    expect(h(generateDemoCity({ seed: 99 }))).not.toBe(h(city));
  });

  it('has the shape of the demo city: ~3.8M residents, six county units and two zones, 2017–2024, hundreds of institutions', () => {
    expect(city.regions.filter((r) => r.kind === 'ZONE')).toHaveLength(2);
    expect(city.regions.filter((r) => ['DISTRICT', 'COUNTY', 'COUNTY_CITY'].includes(r.kind))).toHaveLength(6);
    expect(city.regions.filter((r) => r.isLocalCode).map((r) => r.code)).toEqual(['4399A1', '4399A2']);
    const pop = sum(COUNTIES, (c) => c.population2017);
    expect(pop).toBeGreaterThan(3.6e6);
    expect(pop).toBeLessThan(4.0e6);
    expect(city.meta.label).toBe('演示数据');
    expect(city.meta.firstPeriod).toBe('201701');
    expect(city.meta.lastPeriod).toBe('202412');
    expect(city.institutions.length).toBeGreaterThan(300);
    const visits2019 = sum(city.utilization.filter((u) => yearOf(u.period) === 2019), (u) => u.visits);
    expect(visits2019).toBeGreaterThan(20e6); // settlement records a year, the order of a real city's volume
  });

  it('pools from 2020-01, with resident pooling lagging in 石门县 (2021-01) and 湖滨管理区 (2021-07)', () => {
    const res = city.pooling.filter((p) => p.schemeCode === 'RESIDENT' && p.effectivePeriod > 202001).map((p) => [p.regionCode, p.effectivePeriod]);
    expect(res).toEqual([['439922', 202101], ['4399A2', 202107]]);
    expect(city.pooling.filter((p) => p.schemeCode === 'EMPLOYEE').every((p) => p.effectivePeriod === 202001)).toBe(true);
  });

  it('shows the COVID dip in 2020-02 visits', () => {
    const v = (p: number) => sum(city.utilization.filter((u) => u.period === p), (u) => u.visits);
    expect(v(202002) / v(201902)).toBeLessThan(0.65);
    expect(v(202102) / v(201902)).toBeGreaterThan(0.95);
  });

  it('raises the resident contribution per the seeds, and enrolment falls where it bites (石门县)', () => {
    const std = (y: number, item: string) => city.standards.find((s) => s.year === y && s.item === item)!.amount;
    expect([2020, 2021, 2022].map((y) => std(y, 'INDIVIDUAL_STANDARD'))).toEqual([250, 280, 320]);
    expect([2020, 2021, 2022].map((y) => std(y, 'NATIONAL_MIN_INDIVIDUAL'))).toEqual([280, 320, 350]);
    expect(std(2018, 'SUBSIDY_STANDARD')).toBe(490);
    expect(std(2022, 'SUBSIDY_STANDARD')).toBe(610);
    const cov = (r: string, p: number) => { const e = city.enrollment.find((x) => x.regionCode === r && x.schemeCode === 'RESIDENT' && x.period === p)!; return e.enrolled / e.shouldEnroll; };
    expect(cov('439922', 201912) - cov('439922', 202412)).toBeGreaterThan(0.05);
    expect(cov('439921', 201912) - cov('439921', 202412)).toBeLessThan(0.02);
  });

  it('has a county (桃源县) that does not pay its subsidy share from 2021', () => {
    const rate = (r: string, y: number) => {
      const rows = city.contributions.filter((c) => c.regionCode === r && c.source === 'SUBSIDY_COUNTY' && yearOf(c.period) === y);
      return sum(rows, (c) => c.collected) / sum(rows, (c) => c.due);
    };
    expect(rate('439923', 2020)).toBeGreaterThan(0.95);
    expect(rate('439923', 2022)).toBeLessThan(0.7);
    expect(rate('439921', 2022)).toBeGreaterThan(0.95);
  });

  it('grows expenses faster than income so the resident months of reserve fall below 6 by 2024', () => {
    const mor = (p: number) => {
      const bal = sum(city.balances.filter((b) => b.schemeCode === 'RESIDENT' && b.account === 'POOL' && b.period === p), (b) => b.balance);
      const exp = sum(city.ledger.filter((l) => l.schemeCode === 'RESIDENT' && l.account === 'POOL' && monthsBetween(l.period, p) >= 0 && monthsBetween(l.period, p) < 12
        && ['INPATIENT', 'OUTPATIENT', 'CHRONIC', 'MATERNITY', 'OTHER_EXPENSE'].includes(l.item)), (l) => l.amount);
      return bal / (exp / 12);
    };
    expect(mor(201912)).toBeGreaterThan(9);
    expect(mor(202412)).toBeLessThan(6);
  });

  it('has a county whose primary-care share drops after pooling (安平市) while 清河县 holds', () => {
    expect(primaryShare('439981', 2019) - primaryShare('439981', 2022)).toBeGreaterThan(0.1);
    expect(primaryShare('439921', 2022)).toBeGreaterThanOrEqual(primaryShare('439921', 2019));
  });

  it('has anomalous institutions whose cost per admission is far above same-level peers, with violations found later', () => {
    const anomalous = city.institutions.filter((i) => i.agreementStatus !== 'ACTIVE');
    expect(anomalous).toHaveLength(3);
    for (const a of anomalous) {
      const cpa = (code: string) => {
        const rows = city.utilization.filter((u) => u.institutionCode === code && u.visitType === 'INPATIENT' && yearOf(u.period) === 2022);
        return sum(rows, (u) => u.totalCost) / sum(rows, (u) => u.visits);
      };
      const peers = city.institutions.filter((i) => i.kind === a.kind && i.level === a.level && i.agreementStatus === 'ACTIVE').map((i) => cpa(i.code)).filter(Number.isFinite).sort((x, y) => x - y);
      expect(cpa(a.code)).toBeGreaterThan(1.5 * peers[Math.floor(peers.length / 2)]);
      const found = city.supervision.filter((s) => s.institutionCode === a.code && s.violations > 0 && s.period >= 202301);
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('has a county (望山区) that remits to the city account late, and one (石门县) finishing IT unification past 2020-12-31', () => {
    const delay = (r: string) => {
      const rows = city.remittances.filter((x) => x.regionCode === r);
      return sum(rows, (x) => (Date.parse(x.paidDate!) - Date.parse(x.dueDate)) / 864e5) / rows.length;
    };
    expect(delay('439903')).toBeGreaterThan(15);
    expect(delay('439921')).toBeLessThanOrEqual(0);
    const late = city.unification.filter((u) => u.item === 'IT' && u.completedOn! > u.deadline).map((u) => u.regionCode);
    expect([...new Set(late)]).toEqual(['439922']);
  });

  it('keeps money flows consistent: ledger expense = fund paid in utilization; remittances = pooled income', () => {
    for (const [region, scheme, p] of [['439921', 'RESIDENT', 202203], ['439902', 'EMPLOYEE', 201811]] as const) {
      const paid = sum(city.utilization.filter((u) => u.insuredRegionCode === region && u.schemeCode === scheme && u.period === p && u.visitType === 'INPATIENT'), (u) => u.fundPaid);
      const led = city.ledger.find((l) => l.regionCode === region && l.schemeCode === scheme && l.period === p && l.item === 'INPATIENT' && l.account === 'POOL')!;
      expect(led.amount).toBeCloseTo(paid, 1);
    }
    const r = city.remittances.find((x) => x.regionCode === '439921' && x.schemeCode === 'RESIDENT' && x.period === 202203)!;
    const up = city.ledger.find((l) => l.regionCode === '439921' && l.schemeCode === 'RESIDENT' && l.period === 202203 && l.item === 'REMIT_UP')!;
    expect(r.amount).toBeCloseTo(up.amount, 2);
  });

  it('never overwrites a budget version: adjustments are new versions with document numbers', () => {
    const v2020 = city.budgets.filter((b) => b.year === 2020);
    expect(v2020.map((v) => [v.seq, v.kind])).toEqual([[0, 'APPROVED'], [1, 'ADJUSTMENT']]);
    expect(v2020[1].docNo).toMatch(/〔2020〕\d+号/);
    const exp = (v: (typeof v2020)[number]) => sum(v.lines.filter((l) => l.item === 'INPATIENT'), (l) => l.amount);
    expect(exp(v2020[1])).toBeLessThan(exp(v2020[0]));
  });
});

// The demo province: deterministic, the size of a province (15 cities, ~120 counties, ~70 million
// insured), codes valid under GB/T 2260 as lib/domain/regionLevels reads them, no institution code shared by
// two cities, and every city carrying at least one of the demo city's stories — read off the generated rows.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eachProvinceCity, generateDemoProvince, provinceBudgets, provinceDemoCounties, provinceSpec, storiesOf, PROVINCE, STORIES, type Story } from './province';
import { codeProblem, parentProblem } from '../domain/regionLevels';
import type { RegionKind } from '../domain/codes';
import type { BudgetVersionRow } from './generate';

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
const yearOf = (p: number) => Math.floor(p / 100);
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('demo province generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateDemoProvince({ cities: 2 });
    expect(digest(generateDemoProvince({ cities: 2 }))).toBe(digest(a));
    expect(digest(provinceSpec({ seed: 99 }))).not.toBe(digest(provinceSpec()));
    expect(digest(generateDemoProvince({ cities: 1, seed: 99 }).data[0].utilization.slice(0, 5000))).not.toBe(digest(a.data[0].utilization.slice(0, 5000)));
    // A reduced province is the full one's first cities, unchanged.
    expect(digest(provinceSpec({ cities: 2 }).cities)).toBe(digest(provinceSpec().cities.slice(0, 2)));
    expect(a.meta.label).toBe('演示数据');
    expect(a.meta.isDemo).toBe('true');
  }, 60_000);

  it('has 15 cities and ~120 county-level units with valid codes and parents', () => {
    const spec = provinceSpec();
    expect(spec.cities).toHaveLength(15);
    const counties = spec.cities.flatMap((c) => c.spec.counties);
    expect(counties.length).toBeGreaterThanOrEqual(110);
    expect(counties.length).toBeLessThanOrEqual(130);
    expect(new Set(counties.map((c) => c.code)).size).toBe(counties.length);
    expect(new Set(counties.map((c) => c.name)).size).toBe(counties.length);
    expect(codeProblem('PROVINCE', spec.province.code)).toBeNull();
    expect(spec.province.code).toBe(PROVINCE.code);
    for (const { spec: city } of spec.cities) {
      expect(codeProblem('CITY', city.code)).toBeNull();
      expect(parentProblem('CITY', city.code, { code: PROVINCE.code, kind: 'PROVINCE' })).toBeNull();
      expect(city.parentCode).toBe(PROVINCE.code);
      for (const c of city.counties) {
        expect(codeProblem(c.kind as RegionKind, c.code), c.code).toBeNull();
        expect(parentProblem(c.kind as RegionKind, c.code, { code: city.code, kind: 'CITY' }), c.code).toBeNull();
        expect(c.code.slice(0, 4)).toBe(city.code.slice(0, 4));
        expect(c.isLocalCode).toBe(c.kind === 'ZONE');
      }
    }
    const kinds = counties.map((c) => c.kind);
    for (const k of ['DISTRICT', 'COUNTY', 'COUNTY_CITY', 'ZONE']) expect(kinds).toContain(k);
    expect(kinds.filter((k) => k === 'ZONE').length).toBeLessThanOrEqual(2);
  });

  it('spreads the stories: every city carries at least one, every story is in at least two cities', () => {
    const spec = provinceSpec();
    const cities = new Map<Story, number>();
    for (const c of spec.cities) {
      const stories = storiesOf(c.spec);
      expect(stories.length, c.spec.name).toBeGreaterThan(0);
      expect([...stories].sort()).toEqual([...c.stories].sort());
      for (const s of stories) cities.set(s, (cities.get(s) ?? 0) + 1);
    }
    for (const s of Object.keys(STORIES) as Story[]) expect(cities.get(s) ?? 0, s).toBeGreaterThanOrEqual(2);
    expect(provinceDemoCounties(spec)).toHaveLength(3);
  });

  it('sums to ~70 million insured, with no institution code shared between cities, and the stories show in the rows', () => {
    const spec = provinceSpec();
    let insured = 0;
    const instCodes = new Set<string>();
    let institutions = 0;
    const budgets: { cityCode: string; budgets: BudgetVersionRow[] }[] = [];
    for (const { city, data } of eachProvinceCity(spec)) {
      insured += sum(data.enrollment.filter((e) => e.period === 202412 && e.schemeCode !== 'MATERNITY'), (e) => e.enrolled);
      for (const i of data.institutions) instCodes.add(i.code);
      institutions += data.institutions.length;
      budgets.push({ cityCode: city.spec.code, budgets: data.budgets });
      // The city pool is the city's own (市级统筹), at the city's code.
      expect(data.balances.some((b) => b.kind === 'CITY_POOL' && b.regionCode === city.spec.code)).toBe(true);
      expect(data.balances.every((b) => b.kind !== 'CITY_POOL' || b.regionCode === city.spec.code)).toBe(true);
      const level = new Map(data.institutions.map((i) => [i.code, i.level]));
      for (const c of city.spec.counties) {
        if (c.subsidyShortfall) {
          const rows = data.contributions.filter((x) => x.regionCode === c.code && x.source === 'SUBSIDY_COUNTY' && yearOf(x.period) === 2023);
          expect(sum(rows, (x) => x.collected) / sum(rows, (x) => x.due)).toBeLessThan(0.72);
        }
        if (c.remittanceDelayDays > 10) {
          const rows = data.remittances.filter((x) => x.regionCode === c.code);
          expect(sum(rows, (x) => (Date.parse(x.paidDate!) - Date.parse(x.dueDate)) / 864e5) / rows.length).toBeGreaterThan(12);
        }
        if (c.siphonAfterPooling) {
          const share = (y: number) => {
            const rows = data.utilization.filter((u) => u.insuredRegionCode === c.code && yearOf(u.period) === y && u.schemeCode !== 'MATERNITY');
            return sum(rows.filter((u) => level.get(u.institutionCode) === 'PRIMARY'), (u) => u.visits) / sum(rows, (u) => u.visits);
          };
          expect(share(2019) - share(2022)).toBeGreaterThan(0.1);
        }
        if (c.residentPooling > 202001) expect(data.pooling.find((p) => p.regionCode === c.code && p.schemeCode === 'RESIDENT')!.effectivePeriod).toBe(c.residentPooling);
      }
      if (city.spec.anomalies.length) expect(data.institutions.filter((i) => i.agreementStatus !== 'ACTIVE')).toHaveLength(3);
    }
    expect(insured).toBeGreaterThan(63e6);
    expect(insured).toBeLessThan(77e6);
    expect(instCodes.size).toBe(institutions);
    // Each city's own budget versions, one per (city, year, seq), covering that city's counties only.
    const versions = provinceBudgets(budgets);
    expect(new Set(versions.map((v) => `${v.cityCode}|${v.year}|${v.seq}`)).size).toBe(versions.length);
    for (const v of versions) {
      const own = spec.cities.find((c) => c.spec.code === v.cityCode)!.spec.counties.map((x) => x.code).sort();
      expect([...new Set(v.lines.map((l) => l.regionCode))].sort()).toEqual(own);
    }
  }, 180_000);
});

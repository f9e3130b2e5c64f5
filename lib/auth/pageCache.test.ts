// The kept dashboard renderings' addresses: what proxy.ts signs and the /v pages accept.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from './viewer';

process.env.BETTER_AUTH_SECRET ??= 'test-secret-for-page-tokens-0123456789abcdef';
let m: typeof import('./pageCache');
beforeAll(async () => { m = await import('./pageCache'); });

const city: Viewer = { role: 'city', scope: { kind: 'city' }, userId: 'u1', name: '市分析员' };
const county: Viewer = { role: 'county', scope: { kind: 'county', regionCode: '439922' }, userId: 'u2', name: '石门县医保局' };
const cityA: Viewer = { role: 'city', scope: { kind: 'city', cityCode: '470100' }, userId: 'u3', name: '澄州市医保局' };
const cityB: Viewer = { role: 'city', scope: { kind: 'city', cityCode: '470200' }, userId: 'u4', name: '沅阳市医保局' };
const anon: Viewer = { role: 'public', scope: { kind: 'public' }, userId: null, name: '公众' };

describe('page tokens', () => {
  it('round-trip the scope and data version; a changed part or signature is refused', () => {
    const t = m.pageToken({ role: 'county', regionCode: '439922' }, 41);
    expect(m.readPageToken(t)).toEqual({ scope: { role: 'county', regionCode: '439922' }, dataVersion: 41 });
    const [role, region, version, sig] = t.split('.');
    expect(m.readPageToken([role, '439921', version, sig].join('.'))).toBeNull(); // another county
    expect(m.readPageToken(['city', 'all', version, sig].join('.'))).toBeNull(); // a wider scope
    expect(m.readPageToken([role, region, '42', sig].join('.'))).toBeNull(); // another data version
    expect(m.readPageToken([role, region, version, sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')].join('.'))).toBeNull();
    expect(m.readPageToken('city.all.1')).toBeNull();
  });
  it('functional zones (codes with capitals) have tokens and kept pages too', () => {
    expect(m.readPageToken(m.pageToken({ role: 'county', regionCode: '4399A1' }, 5))?.scope).toEqual({ role: 'county', regionCode: '4399A1' });
    const zone: Viewer = { role: 'county', scope: { kind: 'county', regionCode: '4399A1' }, userId: 'z', name: '开发区' };
    expect(m.cachedPageTarget(zone, '/counties/4399A1', new URLSearchParams(), 5)).toMatch(/^\/v\/county\.4399A1\.5\./);
    expect(m.cachedPageTarget(zone, '/counties/439922', new URLSearchParams(), 5)).toBeNull();
  });
  it('a county token always carries its county, an admin token never a region, a city token its bound city or none', () => {
    expect(m.readPageToken(m.pageToken({ role: 'city', regionCode: null }, 3))?.scope).toEqual({ role: 'city', regionCode: null });
    expect(m.readPageToken(m.pageToken({ role: 'city', regionCode: '470100' }, 3))?.scope).toEqual({ role: 'city', regionCode: '470100' });
    expect(m.readPageToken(m.pageToken({ role: 'county', regionCode: null }, 3))).toBeNull();
    expect(m.readPageToken(m.pageToken({ role: 'admin', regionCode: '470100' }, 3))).toBeNull();
  });
  it('a bound city token cannot be turned into another city, nor into every city', () => {
    const t = m.pageToken({ role: 'city', regionCode: '470100' }, 9);
    const [role, , version, sig] = t.split('.');
    expect(m.readPageToken([role, '470200', version, sig].join('.'))).toBeNull();
    expect(m.readPageToken([role, 'all', version, sig].join('.'))).toBeNull();
  });
});

describe('query segment', () => {
  it('sorts parameters, drops _rsc, keeps repeats, and decodes back', () => {
    const a = m.encodeQuery(new URLSearchParams('year=2024&scheme=RESIDENT&_rsc=abc&sort=x&sort=a'));
    expect(a).toBe(m.encodeQuery(new URLSearchParams('sort=x&scheme=RESIDENT&year=2024&sort=a')));
    // a repeated name keeps its order: the page reads the first value, as it would per request
    expect(m.decodeQuery(a!)).toEqual({ scheme: 'RESIDENT', sort: ['x', 'a'], year: '2024' });
    expect(m.encodeQuery(new URLSearchParams('year=2024&year=2022'))).not.toBe(m.encodeQuery(new URLSearchParams('year=2022&year=2024')));
    expect(m.encodeQuery(new URLSearchParams('_rsc=1'))).toBe('_');
    expect(m.decodeQuery('_')).toEqual({});
    expect(m.decodeQuery(m.encodeQuery(new URLSearchParams('region=439902&q=县 医保'))!)).toEqual({ q: '县 医保', region: '439902' });
  });
  it('refuses an over-long query (rendered per request instead)', () => {
    expect(m.encodeQuery(new URLSearchParams({ x: 'y'.repeat(700) }))).toBeNull();
  });
});

describe('which requests go to a kept rendering', () => {
  const q = new URLSearchParams('year=2024');
  it('the signed-in on the dashboards; the path after the query segment', () => {
    expect(m.cachedPageTarget(city, '/', q, 7)).toMatch(/^\/v\/city\.all\.7\.[\w-]{22}\/eWVhcj0yMDI0$/);
    expect(m.cachedPageTarget(city, '/budget', q, 7)).toMatch(/^\/v\/city\.all\.7\.[\w-]{22}\/eWVhcj0yMDI0\/budget$/);
    expect(m.cachedPageTarget(county, '/counties/439922', q, 7)).toMatch(/^\/v\/county\.439922\.7\.[\w-]{22}\/eWVhcj0yMDI0\/counties\/439922$/);
  });
  it('not the public, not another county’s page (403 there), not other pages', () => {
    expect(m.cachedPageTarget(anon, '/budget', q, 7)).toBeNull();
    expect(m.cachedPageTarget(county, '/counties/439921', q, 7)).toBeNull();
    // A county user naming a city (a province's warehouse): rendered per request, where another city is a 403.
    expect(m.cachedPageTarget(county, '/', new URLSearchParams('city=439800'), 7)).toBeNull();
    // A county user naming another region (region=): per request too, where it is a 403; its own or ALL: kept.
    expect(m.cachedPageTarget(county, '/', new URLSearchParams('region=439921'), 7)).toBeNull();
    expect(m.cachedPageTarget(county, '/risk', new URLSearchParams('region=439900'), 7)).toBeNull();
    expect(m.cachedPageTarget(county, '/', new URLSearchParams('region=439922'), 7)).toMatch(/^\/v\/county\.439922\./);
    expect(m.cachedPageTarget(county, '/', new URLSearchParams('region=ALL'), 7)).toMatch(/^\/v\/county\.439922\./);
    // The city is part of the kept rendering's query for the city role: one rendering per city.
    expect(m.cachedPageTarget(city, '/', new URLSearchParams('city=439800'), 7)).not.toBe(m.cachedPageTarget(city, '/', new URLSearchParams('city=439900'), 7));
    for (const p of ['/assessment', '/admin', '/reports/202412', '/counties/4399', '/budget/x', '/open']) expect(m.cachedPageTarget(city, p, q, 7)).toBeNull();
  });
  it('a bound city user: their city in the token, so two cities never share a rendering; another city per request', () => {
    const a = m.cachedPageTarget(cityA, '/budget', q, 7);
    expect(a).toMatch(/^\/v\/city\.470100\.7\.[\w-]{22}\/eWVhcj0yMDI0\/budget$/);
    const b = m.cachedPageTarget(cityB, '/budget', q, 7);
    expect(b).toMatch(/^\/v\/city\.470200\.7\./);
    // the same page and query: different renderings for the two cities, and neither the unbound analyst's
    expect(a!.split('/')[2]).not.toBe(b!.split('/')[2]);
    expect(a!.split('/')[2]).not.toBe(m.cachedPageTarget(city, '/budget', q, 7)!.split('/')[2]);
    // their own city named (the nav keeps city=): kept; another city, or their own after another: per request (403 there)
    expect(m.cachedPageTarget(cityA, '/budget', new URLSearchParams('year=2024&city=470100'), 7)).toMatch(/^\/v\/city\.470100\.7\./);
    expect(m.cachedPageTarget(cityA, '/budget', new URLSearchParams('city=470200'), 7)).toBeNull();
    expect(m.cachedPageTarget(cityA, '/', new URLSearchParams('city=470200&city=470100'), 7)).toBeNull();
    expect(m.cachedPageTarget(cityA, '/', new URLSearchParams('city=470100&city=470200'), 7)).toBeNull();
    // a county's page: kept only when the caller found the county to be of their city
    expect(m.cachedPageTarget(cityA, '/counties/470121', q, 7, '470100')).toMatch(/^\/v\/city\.470100\.7\..*\/counties\/470121$/);
    expect(m.cachedPageTarget(cityA, '/counties/470221', q, 7, '470200')).toBeNull();
    expect(m.cachedPageTarget(cityA, '/counties/470121', q, 7)).toBeNull();
    expect(m.cachedPageTarget(cityA, '/counties/470121', q, 7, null)).toBeNull();
    // a region named: kept only when the caller found it to be of their city; else per request (403 there)
    const own = new Map([['470121', '470100'], ['470221', '470200']]);
    expect(m.cachedPageTarget(cityA, '/budget', new URLSearchParams('region=470121'), 7, undefined, own)).toMatch(/^\/v\/city\.470100\.7\./);
    expect(m.cachedPageTarget(cityA, '/budget', new URLSearchParams('region=470221'), 7, undefined, own)).toBeNull();
    expect(m.cachedPageTarget(cityA, '/', new URLSearchParams('region=470121'), 7)).toBeNull();
    expect(m.cachedPageTarget(cityA, '/', new URLSearchParams('region=ALL'), 7)).toMatch(/^\/v\/city\.470100\.7\./);
    // the unbound analyst: any county's page, whatever the lookup says
    expect(m.cachedPageTarget(city, '/counties/470221', q, 7)).toMatch(/^\/v\/city\.all\.7\./);
  });
  it('the viewer of a kept rendering has the scope and no user', () => {
    expect(m.viewerOfPageScope({ role: 'city', regionCode: '470100' }).scope).toEqual({ kind: 'city', cityCode: '470100' });
    expect(m.viewerOfPageScope({ role: 'city', regionCode: null }).scope).toEqual({ kind: 'city' });
    expect(m.viewerOfPageScope({ role: 'county', regionCode: '439922' })).toMatchObject({ role: 'county', scope: { kind: 'county', regionCode: '439922' }, userId: null });
    expect(m.viewerOfPageScope({ role: 'admin', regionCode: null }).scope).toEqual({ kind: 'city' });
  });
});

describe('only the parameters a page reads are kept', () => {
  const kept = (path: string, qs: string) => m.keptParams(path, new URLSearchParams(qs)).toString();
  it('per page: its filters, in the order given; made-up names dropped', () => {
    expect(kept('/', 'year=2024&utm=x&scheme=RESIDENT&region=439902&month=6&zzz=1')).toBe('year=2024&scheme=RESIDENT&region=439902&month=6');
    expect(kept('/budget', 'month=3&foo=bar')).toBe('month=3');
    expect(kept('/tiered-care', 'outcome=primary_visit_share&flow=INPATIENT&x=1')).toBe('outcome=primary_visit_share&flow=INPATIENT');
    // outcome/flow belong to 分级诊疗 only; month is not read by the county pages
    expect(kept('/collection', 'outcome=a&flow=b')).toBe('');
    expect(kept('/counties', 'year=2023&month=5')).toBe('year=2023');
    expect(kept('/counties/439922', 'region=439922&year=2023&x=1')).toBe('region=439922&year=2023');
    expect(kept('/risk', 'status=all&severity=SEVERE&region=439923&rule=coverage_drop&page=2&pscheme=EMPLOYEE&hpage=3&year=2024&by-rule.sort=total.desc'))
      .toBe('status=all&severity=SEVERE&region=439923&rule=coverage_drop&page=2&pscheme=EMPLOYEE&hpage=3');
    expect(kept('/admin', 'year=2024')).toBe('');
  });
  it('table sorts of sort shape, at most three, on the pages that carry them across filters', () => {
    expect(kept('/', 'counties.sort=coverage_rate.desc&year=2024')).toBe('counties.sort=coverage_rate.desc&year=2024');
    expect(kept('/', 'a.sort=x&b.sort=y.asc&c.sort=z&d.sort=w')).toBe('a.sort=x&b.sort=y.asc&c.sort=z');
    expect(kept('/', 'x.sort=a;drop&Y.sort=a&x.sort=b')).toBe('x.sort=b');
    expect(kept('/', 'x.sort=a&x.sort=b')).toBe('x.sort=a'); // the page reads one
  });
  it('made-up parameters do not make another kept address', () => {
    const plain = m.cachedPageTarget(city, '/budget', new URLSearchParams('year=2024'), 7);
    expect(plain).not.toBeNull();
    for (const junk of ['year=2024&a=1', 'b=2&year=2024', 'year=2024&_rsc=9&nonsense=' + 'x'.repeat(700)]) {
      expect(m.cachedPageTarget(city, '/budget', new URLSearchParams(junk), 7)).toBe(plain);
    }
    // what the page reads still makes its own address
    expect(m.cachedPageTarget(city, '/budget', new URLSearchParams('year=2024&month=6'), 7)).not.toBe(plain);
    expect(m.decodeQuery(m.cachedPageTarget(city, '/risk', new URLSearchParams('rule=coverage_drop&q=1'), 7)!.split('/')[3])).toEqual({ rule: 'coverage_drop' });
  });
});

describe('the data version of a kept rendering is checked again by the page', () => {
  it('current; behind (the data moved on: rendered with the current data); ahead of the database or not a token: refused', () => {
    const t = m.pageToken({ role: 'city', regionCode: null }, 12);
    expect(m.keptVersionVerdict(t, 12)).toBe('current');
    expect(m.keptVersionVerdict(encodeURIComponent(t), 12)).toBe('current');
    expect(m.keptVersionVerdict(t, 13)).toBe('behind');
    expect(m.keptVersionVerdict(t, 11)).toBe('ahead');
    expect(m.keptVersionVerdict(t, 0)).toBe('ahead');
    expect(m.keptVersionVerdict(t.replace('.12.', '.13.'), 13)).toBe('invalid');
  });
});

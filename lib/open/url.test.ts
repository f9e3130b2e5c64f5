import { describe, expect, it } from 'vitest';
import { downloadHref, openPath, parseOpenSlug } from './url';

describe('public report URLs', () => {
  it('reads county, year and scheme from the path, in that order', () => {
    expect(parseOpenSlug(undefined)).toEqual({ code: null, year: null, scheme: 'ALL' });
    expect(parseOpenSlug(['2023'])).toEqual({ code: null, year: 2023, scheme: 'ALL' });
    expect(parseOpenSlug(['2023', 'resident'])).toEqual({ code: null, year: 2023, scheme: 'RESIDENT' });
    expect(parseOpenSlug(['439921'])).toEqual({ code: '439921', year: null, scheme: 'ALL' });
    expect(parseOpenSlug(['4399a1', '2022', 'EMPLOYEE'])).toEqual({ code: '4399A1', year: 2022, scheme: 'EMPLOYEE' });
    expect(parseOpenSlug(['439921', 'maternity'])).toEqual({ code: '439921', year: null, scheme: 'MATERNITY' });
  });
  it('refuses anything else', () => {
    expect(parseOpenSlug(['resident', '2023'])).toBeNull();
    expect(parseOpenSlug(['2023', '2022'])).toBeNull();
    expect(parseOpenSlug(['nope'])).toBeNull();
    expect(parseOpenSlug(['439921', '2023', 'resident', 'x'])).toBeNull();
  });
  it('writes canonical paths that read back to the same view', () => {
    for (const v of [{ code: null, year: 2024, scheme: 'ALL' as const }, { code: '439922', year: 2021, scheme: 'RESIDENT' as const }]) {
      const path = openPath(v, '439900');
      expect(parseOpenSlug(path.split('/').slice(2))).toEqual(v);
    }
    expect(openPath({ code: '439900', year: 2024, scheme: 'ALL' }, '439900')).toBe('/open/2024');
    expect(downloadHref({ code: '439922', year: 2024, scheme: 'ALL' }, 'fund-years', 'csv-gbk')).toBe('/api/open/download?year=2024&scheme=ALL&chart=fund-years&format=csv-gbk&code=439922');
  });
});

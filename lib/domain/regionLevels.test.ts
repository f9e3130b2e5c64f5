import { describe, expect, it } from 'vitest';
import { codeProblem, isAboveCity, isCountyLevel, NATION_CODE, parentProblem, parentRequired } from './regionLevels';

describe('region levels 国家/省/设区市/县级', () => {
  it('codes fit their level (GB/T 2260; the nation as 100000; local codes for zones)', () => {
    expect(codeProblem('NATION', NATION_CODE)).toBeNull();
    expect(codeProblem('NATION', '000000')).toContain('100000');
    expect(codeProblem('PROVINCE', '430000')).toBeNull();
    expect(codeProblem('PROVINCE', '100000')).not.toBeNull();
    expect(codeProblem('PROVINCE', '430900')).not.toBeNull();
    expect(codeProblem('CITY', '439900')).toBeNull();
    expect(codeProblem('CITY', '430000')).not.toBeNull();
    expect(codeProblem('CITY', '439922')).not.toBeNull();
    expect(codeProblem('COUNTY', '439922')).toBeNull();
    expect(codeProblem('DISTRICT', '439900')).toContain('后两位不应为00');
    expect(codeProblem('ZONE', '4399A1')).toBeNull();
  });

  it('a county’s parent is a city, a city’s a province, a province’s the nation, with matching prefixes', () => {
    expect(parentProblem('COUNTY', '439922', { code: '439900', kind: 'CITY' })).toBeNull();
    expect(parentProblem('ZONE', '4399A1', { code: '439900', kind: 'CITY' })).toBeNull();
    expect(parentProblem('CITY', '439900', { code: '430000', kind: 'PROVINCE' })).toBeNull();
    expect(parentProblem('PROVINCE', '430000', { code: '100000', kind: 'NATION' })).toBeNull();
    expect(parentProblem('COUNTY', '439922', { code: '430000', kind: 'PROVINCE' })).toBe('县的上级应为设区市（430000是省）');
    expect(parentProblem('CITY', '439900', { code: '100000', kind: 'NATION' })).toBe('设区市的上级应为省（100000是国家）');
    expect(parentProblem('PROVINCE', '430000', { code: '420000', kind: 'PROVINCE' })).toBe('省的上级应为国家（420000是省）');
    expect(parentProblem('NATION', '100000', { code: '430000', kind: 'PROVINCE' })).toBe('国家没有上级区划');
    expect(parentProblem('CITY', '439900', { code: '420000', kind: 'PROVINCE' })).toBe('区划代码439900的前2位与上级省420000不一致');
    expect(parentProblem('COUNTY', '429922', { code: '439900', kind: 'CITY' })).toBe('区划代码429922的前4位与上级设区市439900不一致');
  });

  it('only county-level units and zones must name a parent; the demo city may stand alone', () => {
    expect(parentRequired('CITY')).toBe(false);
    expect(parentRequired('PROVINCE')).toBe(false);
    expect(parentRequired('NATION')).toBe(false);
    expect(parentRequired('COUNTY')).toBe(true);
    expect(parentRequired('ZONE')).toBe(true);
    expect([isCountyLevel('COUNTY_CITY'), isCountyLevel('ZONE'), isCountyLevel('CITY')]).toEqual([true, false, false]);
    expect([isAboveCity('NATION'), isAboveCity('PROVINCE'), isAboveCity('CITY')]).toEqual([true, true, false]);
  });
});

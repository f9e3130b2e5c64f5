import { describe, expect, it } from 'vitest';
import { POLICY_SOURCES, cite, sourceName, sourceShortName, type PolicySourceId } from './sources';
import { indicators } from './registry';
import { RULES } from '@/lib/risk/rules';

const NOTE_WORDS = /seed ?0|seeds|DESIGN|STYLE|\.\.\/shared|§/;

describe('policy sources', () => {
  it('cites by full name and clause with full-width brackets', () => {
    expect(cite('pooling-opinion', '三(三)')).toBe('《关于实施基本医疗保险和生育保险市级统筹的意见（征求意见稿）》三（三）');
    expect(cite('nhsa-2023-73', '二', '重复参保治理')).toBe(
      '《国家医疗保障局对第十四届全国人大一次会议第4252号建议的答复》（医保函〔2023〕73号）二：重复参保治理',
    );
    expect(sourceShortName('nhsa-2019-74')).toBe('医保函〔2019〕74号');
    expect(sourceName('yiyang-reply')).toContain('益阳市医疗保障局');
    expect(POLICY_SOURCES['yiyang-reply'].cites).toContain('益医保发〔2020〕6号');
    expect(() => cite('nope' as PolicySourceId)).toThrow(/unknown policy source/);
  });

  it('every indicator and risk rule cites documents, never internal notes', () => {
    const refs = [
      ...Object.values(indicators).map((d) => [d.code, d.policyRef] as const),
      ...RULES.map((r) => [r.code, r.policyRef] as const),
    ];
    expect(refs.length).toBeGreaterThan(20);
    for (const [code, ref] of refs) if (ref) expect(ref, code).not.toMatch(NOTE_WORDS);
  });
});

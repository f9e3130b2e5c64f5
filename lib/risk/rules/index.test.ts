import { describe, expect, it } from 'vitest';
import { RULES, getRule, parseParams, withDefaults } from './index';

describe('rules as data', () => {
  it('every rule has a Chinese name, what it watches, registry indicators, parameters and valid defaults', () => {
    const codes = new Set<string>();
    for (const r of RULES) {
      expect(codes.has(r.code)).toBe(false);
      codes.add(r.code);
      expect(r.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.watches).toMatch(/[\u4e00-\u9fff]/);
      expect(r.indicators.length).toBeGreaterThan(0);
      expect(parseParams(r, r.defaults)).toEqual({ ok: true, params: r.defaults });
      expect(r.bands(r.defaults).length).toBeGreaterThan(0);
      expect(Object.keys(r.defaults).sort()).toEqual(r.params.map((p) => p.key).sort());
    }
    expect(RULES).toHaveLength(11);
  });

  it('rejects thresholds out of bounds or out of order, in Chinese, in the units the admin types', () => {
    const r = getRule('subsidy_shortfall');
    expect(parseParams(r, { ...r.defaults, warnBelow: 1.5 })).toEqual({ ok: false, errors: ['“警示：到位率低于”不应大于100.0%'] });
    expect(parseParams(r, { ...r.defaults, severeBelow: 0.96 })).toEqual({ ok: false, errors: ['“严重”阈值应低于“警示”阈值'] });
    expect(parseParams(r, { ...r.defaults, clearMonths: 1.5 })).toMatchObject({ ok: false, errors: ['“连续几个月未触发视为解除”应为整数'] });
    expect(parseParams(r, { ...r.defaults, extra: 1 }).ok).toBe(false);
    expect(parseParams(r, { ...r.defaults, warnBelow: '0.9' }).ok).toBe(false);
  });

  it('stored parameters are merged over the defaults (a rule may gain a parameter later)', () => {
    const r = getRule('reserve_months');
    expect(withDefaults(r, { warnBelow: 5, bogus: 'x' })).toEqual({ ...r.defaults, warnBelow: 5 });
    expect(withDefaults(r, null)).toEqual(r.defaults);
  });
});

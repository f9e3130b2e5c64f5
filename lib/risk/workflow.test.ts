import { describe, expect, it } from 'vitest';
import { allowedActions, canHandle, handleInputSchema, transition } from './workflow';

describe('handling workflow 新发 → 已核实 → 已处置 / 误报', () => {
  it('moves forward one step at a time', () => {
    expect(transition('NEW', 'VERIFY')).toEqual({ ok: true, to: 'VERIFIED' });
    expect(transition('VERIFIED', 'DISPOSE')).toEqual({ ok: true, to: 'DISPOSED' });
    expect(transition('NEW', 'FALSE_POSITIVE')).toEqual({ ok: true, to: 'FALSE_POSITIVE' });
    expect(transition('VERIFIED', 'FALSE_POSITIVE')).toEqual({ ok: true, to: 'FALSE_POSITIVE' });
  });

  it('refuses skipping verification and acting on closed warnings, with a reason', () => {
    expect(transition('NEW', 'DISPOSE')).toEqual({ ok: false, error: '请先核实预警，再登记处置结果' });
    expect(transition('DISPOSED', 'VERIFY').ok).toBe(false);
    expect(transition('FALSE_POSITIVE', 'DISPOSE').ok).toBe(false);
    expect(transition('CLOSED', 'FALSE_POSITIVE').ok).toBe(false);
  });

  it('a note can be added at any status, without changing it', () => {
    for (const s of ['NEW', 'VERIFIED', 'DISPOSED', 'FALSE_POSITIVE', 'CLOSED'] as const) expect(transition(s, 'NOTE')).toEqual({ ok: true, to: s });
    expect(allowedActions('NEW')).toEqual(['VERIFY', 'FALSE_POSITIVE', 'NOTE']);
    expect(allowedActions('VERIFIED')).toEqual(['DISPOSE', 'FALSE_POSITIVE', 'NOTE']);
    expect(allowedActions('CLOSED')).toEqual(['NOTE']);
  });

  it('the city answers every warning, a county only its own, the public none', () => {
    expect(canHandle({ kind: 'city' }, { regionCode: '439923' })).toBe(true);
    expect(canHandle({ kind: 'county', regionCode: '439923' }, { regionCode: '439923' })).toBe(true);
    expect(canHandle({ kind: 'county', regionCode: '439923' }, { regionCode: '439981' })).toBe(false);
    expect(canHandle({ kind: 'county', regionCode: '439923' }, { regionCode: '439900' })).toBe(false); // a city-level fund warning
    expect(canHandle({ kind: 'public' }, { regionCode: '439923' })).toBe(false);
    // a city user bound to a city: that city's warnings (its own and its counties'), none whose city is unknown
    const bound = { kind: 'city', cityCode: '439900' } as const;
    expect(canHandle(bound, { regionCode: '439923', cityCode: '439900' })).toBe(true);
    expect(canHandle(bound, { regionCode: '439900', cityCode: '439900' })).toBe(true);
    expect(canHandle(bound, { regionCode: '439821', cityCode: '439800' })).toBe(false);
    expect(canHandle(bound, { regionCode: '439923' })).toBe(false);
  });

  it('validates the form: a note is required', () => {
    expect(handleInputSchema.safeParse({ warningId: '12', action: 'VERIFY', note: '已核对数据' }).success).toBe(true);
    const r = handleInputSchema.safeParse({ warningId: '12', action: 'VERIFY', note: ' ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('请填写处理说明（至少2个字）');
    expect(handleInputSchema.safeParse({ warningId: 'x', action: 'VERIFY', note: '已核对' }).success).toBe(false);
    expect(handleInputSchema.safeParse({ warningId: 1, action: 'DELETE', note: '已核对' }).success).toBe(false);
  });
});

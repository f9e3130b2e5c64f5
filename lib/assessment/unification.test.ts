import { describe, expect, it } from 'vitest';
import { daysLate, overdueCounts, overdueDuringYear, transitionItems, unificationState, type UnificationRow } from './unification';

const row = (p: Partial<UnificationRow>): UnificationRow => ({ regionCode: 'X', schemeCode: 'EMPLOYEE', item: 'IT', status: 'DONE', deadline: '2020-12-31', completedOn: '2020-10-31', note: null, ...p });

describe('六统一 against the deadlines', () => {
  it('states: on time, late, overdue, in progress', () => {
    expect(unificationState(row({}), '2024-12-31')).toBe('done_on_time');
    expect(unificationState(row({ completedOn: '2021-06-30' }), '2024-12-31')).toBe('done_late');
    expect(unificationState(row({ completedOn: '2021-06-30' }), '2021-03-31')).toBe('overdue');
    expect(unificationState(row({ status: 'IN_PROGRESS', completedOn: null }), '2020-06-30')).toBe('in_progress');
    expect(daysLate(row({ completedOn: '2021-06-30' }), '2024-12-31')).toBe(181);
    expect(daysLate(row({}), '2024-12-31')).toBe(0);
  });
  it('an item finished late counts as overdue only in the years it was outstanding', () => {
    const late = row({ completedOn: '2021-06-30' });
    expect(overdueDuringYear(late, 2020)).toBe(false); // due on the last day of 2020
    expect(overdueDuringYear(late, 2021)).toBe(true);
    expect(overdueDuringYear(late, 2022)).toBe(false);
    expect(overdueDuringYear(row({ completedOn: '2021-01-01' }), 2021)).toBe(true); // one day late
    expect(overdueDuringYear(row({ status: 'IN_PROGRESS', completedOn: null }), 2023)).toBe(true);
    expect(overdueDuringYear(row({}), 2021)).toBe(false);
    expect(overdueDuringYear(row({ deadline: '2021-12-31', completedOn: '2021-07-01' }), 2021)).toBe(false);
  });
  it('counts per region; a region without rows is absent (missing), not 0', () => {
    const c = overdueCounts([row({ completedOn: '2021-06-30' }), row({ schemeCode: 'RESIDENT', completedOn: '2021-06-30' }), row({ regionCode: 'Y' })], 2021);
    expect(c.get('X')).toBe(2);
    expect(c.get('Y')).toBe(0);
    expect(c.has('Z')).toBe(false);
  });
  it('transition items: resident pooling lag ends 2021-12-31; benefit transition at most 2 years', () => {
    const pooling = new Map([['X|RESIDENT', 202101]]);
    const t = transitionItems([
      row({ schemeCode: 'RESIDENT', item: 'POLICY', deadline: '2021-12-31', completedOn: '2021-01-01', note: '居民医保过渡期内完成' }),
      row({ schemeCode: 'RESIDENT', item: 'BENEFIT', deadline: '2021-12-31', completedOn: '2021-01-01', note: '居民医保过渡期内完成' }),
    ], pooling, '2024-12-31');
    expect(t).toEqual([
      expect.objectContaining({ kind: 'resident_lag', end: '2021-12-31', state: 'ended' }),
      expect.objectContaining({ kind: 'benefit_transition', start: '2021-01-01', end: '2022-12-31', state: 'ended' }),
    ]);
  });
});

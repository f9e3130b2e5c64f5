import { describe, expect, it } from 'vitest';
import { diffBudgetVersions, versionTotals } from './versions';

const before = [
  { regionCode: 'A', schemeCode: 'RESIDENT', item: 'PREMIUM', amount: 100 },
  { regionCode: 'A', schemeCode: 'RESIDENT', item: 'INPATIENT', amount: 200 },
  { regionCode: 'B', schemeCode: 'RESIDENT', item: 'INPATIENT', amount: 50 },
];
// An adjustment like 江临医保发〔2020〕41号: inpatient ×0.92, plus a new line.
const after = [
  { regionCode: 'A', schemeCode: 'RESIDENT', item: 'PREMIUM', amount: 100 },
  { regionCode: 'A', schemeCode: 'RESIDENT', item: 'INPATIENT', amount: 184 },
  { regionCode: 'B', schemeCode: 'RESIDENT', item: 'INPATIENT', amount: 46 },
  { regionCode: 'B', schemeCode: 'RESIDENT', item: 'OTHER_EXPENSE', amount: 5 },
];

describe('versionTotals', () => {
  it('splits income and expense items', () => {
    expect(versionTotals(before)).toEqual({ income: 100, expense: 250 });
    expect(versionTotals(after)).toEqual({ income: 100, expense: 235 });
  });
});

describe('diffBudgetVersions', () => {
  it('lists the changed lines, item totals and income/expense totals', () => {
    const d = diffBudgetVersions(before, after);
    expect(d.lines).toEqual([
      { regionCode: 'A', schemeCode: 'RESIDENT', item: 'INPATIENT', before: 200, after: 184, change: -16 },
      { regionCode: 'B', schemeCode: 'RESIDENT', item: 'INPATIENT', before: 50, after: 46, change: -4 },
      { regionCode: 'B', schemeCode: 'RESIDENT', item: 'OTHER_EXPENSE', before: 0, after: 5, change: 5 },
    ]);
    expect(d.byItem).toEqual([
      { item: 'PREMIUM', before: 100, after: 100, change: 0 },
      { item: 'INPATIENT', before: 250, after: 230, change: -20 },
      { item: 'OTHER_EXPENSE', before: 0, after: 5, change: 5 },
    ]);
    expect(d.income).toEqual({ before: 100, after: 100, change: 0 });
    expect(d.expense).toEqual({ before: 250, after: 235, change: -15 });
  });

  it('a line dropped by the adjustment counts as a change to 0; identical versions → no lines', () => {
    const d = diffBudgetVersions(after, before);
    expect(d.lines.find((l) => l.item === 'OTHER_EXPENSE')).toEqual({ regionCode: 'B', schemeCode: 'RESIDENT', item: 'OTHER_EXPENSE', before: 5, after: 0, change: -5 });
    expect(diffBudgetVersions(before, before).lines).toEqual([]);
  });
});

// The probability rule on constructed funds: a fund running down fires, a fund in surplus does not, and
// the threshold is a parameter.
import { describe, expect, it } from 'vitest';
import { months, dataset, withCityFund } from '../testFixtures';
import { shortfallProbabilityRule as rule } from './sustainability';

const SEASON = [1.3, 1.1, 1.0, 0.95, 0.9, 0.95, 1.0, 1.05, 0.95, 0.9, 0.9, 1.0];
function fund(expenseLevel: number, balance: number) {
  // small noise so the simulation has shocks to resample
  const wobble = (i: number) => 1 + 0.03 * Math.sin(i * 1.7);
  const income = months(202101, 48, (i) => 100 * SEASON[i % 12] * wobble(i));
  const expense = months(202101, 48, (i) => expenseLevel * SEASON[(i + 1) % 12] * wobble(i + 5));
  return withCityFund(dataset(), 'RESIDENT', income, expense, months(202101, 48, () => balance));
}

describe('reserve_shortfall_probability', () => {
  it('a fund at ~2 months of reserve and in deficit fires SEVERE; a fund at 12 months in surplus does not', () => {
    const [low] = rule.evaluate(fund(110, 220), rule.defaults);
    expect(low.points).toHaveLength(6);
    const last = low.points[low.points.length - 1];
    expect(last.value).toBeGreaterThan(0.5);
    expect(last.severity).toBe('SEVERE');
    expect(last.detail).toContain('概率');
    const [high] = rule.evaluate(fund(90, 1100), rule.defaults);
    expect(high.points[high.points.length - 1].value).toBeLessThan(0.2);
    expect(high.points[high.points.length - 1].severity).toBeNull();
  });

  it('the threshold is configurable: a probability between the two settings changes severity', () => {
    const [s] = rule.evaluate(fund(100, 330), { ...rule.defaults, evalMonths: 1 });
    const p = s.points[0].value;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    const [hi] = rule.evaluate(fund(100, 330), { ...rule.defaults, evalMonths: 1, warnAt: Math.min(0.99, p + 0.005), severeAt: 1 });
    expect(hi.points[0].severity).toBeNull();
    const [lo] = rule.evaluate(fund(100, 330), { ...rule.defaults, evalMonths: 1, warnAt: Math.max(0.001, p - 0.005), severeAt: 1 });
    expect(lo.points[0].severity).toBe('WARNING');
    expect(rule.validate({ ...rule.defaults, warnAt: 0.6, severeAt: 0.5 })).toHaveLength(1);
  });
});

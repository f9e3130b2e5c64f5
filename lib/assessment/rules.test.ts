import { describe, expect, it } from 'vitest';
import { orientedValue, requirementFor, ruleDirection, scoreValue } from './rules';
import type { ScoringRule } from './scheme';

const linear: ScoringRule = { type: 'linear', floor: 0.9, target: 0.95 };
const linearDown: ScoringRule = { type: 'linear', floor: 10, target: 0 };
const banded: ScoringRule = {
  type: 'banded',
  bands: [{ min: 0.98, share: 1, label: 'A' }, { min: 0.95, max: 0.98, share: 0.6, label: 'B' }, { min: 0.9, max: 0.95, share: 0.3, label: 'C' }, { max: 0.9, share: 0, label: 'D' }],
};
const deduction: ScoringRule = { type: 'deduction', min: 1, per: 0.01, points: 0.5 };
const range: ScoringRule = { type: 'deduction', min: -0.05, max: 0.05, per: 0.01, points: 1 };

describe('linear rule', () => {
  it('0 at the floor, full at the target, straight between, clamped outside', () => {
    expect(scoreValue(linear, 0.9, 6).points).toBe(0);
    expect(scoreValue(linear, 0.95, 6).points).toBeCloseTo(6, 12);
    expect(scoreValue(linear, 0.925, 6).points).toBeCloseTo(3, 12);
    expect(scoreValue(linear, 0.5, 6).points).toBe(0);
    expect(scoreValue(linear, 1, 6).points).toBe(6);
  });
  it('works for lower-is-better (target below floor)', () => {
    expect(scoreValue(linearDown, 0, 4).points).toBe(4);
    expect(scoreValue(linearDown, 10, 4).points).toBe(0);
    expect(scoreValue(linearDown, 2.5, 4).points).toBeCloseTo(3, 12);
    expect(ruleDirection(linearDown)).toBe('down');
  });
  it('inverts: the value that earns given points', () => {
    expect(requirementFor(linear, 6, 3, 0.91)).toEqual({ op: 'gte', value: 0.925 });
    expect(requirementFor(linear, 6, 7, 0.91)).toBeNull();
  });
});

describe('banded rule', () => {
  it('cut-offs are half-open: a value on a cut-off belongs to the upper band', () => {
    expect(scoreValue(banded, 0.98, 8)).toMatchObject({ points: 8, band: 'A' });
    expect(scoreValue(banded, 0.9799, 8).points).toBeCloseTo(4.8, 12);
    expect(scoreValue(banded, 0.95, 8).band).toBe('B');
    expect(scoreValue(banded, 0.9499, 8).points).toBeCloseTo(2.4, 12);
    expect(scoreValue(banded, 0.9, 8).band).toBe('C');
    expect(scoreValue(banded, 0.8999, 8)).toMatchObject({ points: 0, band: 'D' });
  });
  it('a value no band covers earns 0', () => {
    const gap: ScoringRule = { type: 'banded', bands: [{ min: 1, share: 1, label: 'x' }, { max: 0, share: 0.5, label: 'y' }] };
    expect(scoreValue(gap, 0.5, 5)).toMatchObject({ points: 0 });
  });
  it('the next band is reached at its lower cut-off', () => {
    expect(requirementFor(banded, 8, 4.8, 0.93)).toEqual({ op: 'gte', value: 0.95 });
    expect(requirementFor(banded, 8, 8, 0.93)).toEqual({ op: 'gte', value: 0.98 });
  });
});

describe('deduction rule', () => {
  it('full inside the range, proportional deduction outside, never below 0', () => {
    expect(scoreValue(deduction, 1, 6).points).toBe(6);
    expect(scoreValue(deduction, 0.98, 6).points).toBeCloseTo(5, 12);
    expect(scoreValue(deduction, 0.59, 6).points).toBe(0);
    expect(scoreValue(range, 0.05, 6).points).toBe(6);
    expect(scoreValue(range, -0.05, 6).points).toBe(6);
    expect(scoreValue(range, 0.08, 6).points).toBeCloseTo(3, 12);
    expect(scoreValue(range, -0.07, 6).points).toBeCloseTo(4, 12);
    expect(scoreValue(range, 0.2, 6).points).toBe(0);
  });
  it('inverts on the side the value is on', () => {
    expect(requirementFor(deduction, 6, 5, 0.9)).toEqual({ op: 'gte', value: expect.closeTo(0.98, 12) });
    expect(requirementFor(range, 6, 6, 0.12)).toEqual({ op: 'lte', value: 0.05 });
    expect(requirementFor(range, 6, 5, -0.12)).toEqual({ op: 'gte', value: expect.closeTo(-0.06, 12) });
  });
  it('orients a two-sided range as −distance outside it', () => {
    expect(orientedValue(range, 0.02)).toBe(0);
    expect(orientedValue(range, 0.08)).toBeCloseTo(-0.03, 12);
    expect(orientedValue(deduction, 0.9)).toBe(0.9);
  });
});

it('refuses a missing value (the missing-data rule is applied before)', () => {
  expect(() => scoreValue(linear, Number.NaN, 5)).toThrow();
});

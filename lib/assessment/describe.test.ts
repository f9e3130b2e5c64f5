import { describe, expect, it } from 'vitest';
import { describeRequirement, describeRule } from './describe';

describe('rules in words', () => {
  it('linear, banded and deduction rules with the indicator unit', () => {
    expect(describeRule({ type: 'linear', floor: 0.9, target: 0.95 }, 'ratio')).toBe('≤90.0%得0分，≥95.0%得满分，之间线性计分');
    expect(describeRule({ type: 'banded', bands: [{ min: 0.99, share: 1, label: 'a' }, { max: 0.99, share: 0.5, label: 'b' }] }, 'ratio')).toBe('≥99.0%得100%；<99.0%得50%');
    expect(describeRule({ type: 'deduction', min: 1, per: 0.01, points: 0.5 }, 'ratio')).toBe('≥100.0%得满分，超出部分每1个百分点扣0.5分，扣完为止');
    expect(describeRule({ type: 'deduction', max: 0, per: 1, points: 0.5 }, 'count', '天')).toBe('≤0天得满分，超出部分每1天扣0.5分，扣完为止');
    expect(describeRule({ type: 'deduction', min: -0.05, max: 0.05, per: 0.01, points: 1 }, 'pp')).toBe('−5.0个百分点至+5.0个百分点之间得满分，超出部分每1个百分点扣1分，扣完为止');
  });
  it('requirements', () => {
    expect(describeRequirement({ op: 'gte', value: 0.925 }, 'ratio')).toBe('≥92.50%');
    expect(describeRequirement({ op: 'lte', value: 3 }, 'count', '天')).toBe('≤3.0天');
  });
});

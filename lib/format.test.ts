import { describe, expect, it } from 'vitest';
import {
  computeDelta,
  exportHeaderSuffix,
  exportValue,
  formatAxisTick,
  formatCount,
  formatDelta,
  formatPercent,
  formatPeriod,
  formatValue,
  formatYuan,
  pickYuanScale,
  unitLabel,
} from './format';
import { buildCsv } from '@/app/(site)/ui/tableCsv';
import { guardFormula } from './csv';

describe('formatValue', () => {
  it('formats ratios (fractions) as percentages with one decimal', () => {
    expect(formatValue(0.953, 'ratio')).toBe('95.3%');
    expect(formatValue(1, 'ratio')).toBe('100.0%');
    expect(formatValue(0.12345, 'ratio', { digits: 2 })).toBe('12.35%');
    expect(formatValue(-0.021, 'ratio')).toBe('−2.1%');
  });

  it('formats percentage points, always signed, with a typographic minus', () => {
    expect(formatValue(0.025, 'pp')).toBe('+2.5个百分点');
    expect(formatValue(-0.01, 'pp')).toBe('−1.0个百分点');
    expect(formatValue(0, 'pp')).toBe('0.0个百分点');
    expect(formatValue(-0.0001, 'pp')).toBe('0.0个百分点'); // never '−0.0'
  });

  it('scales yuan automatically to 亿元 / 万元 / 元', () => {
    expect(formatValue(123_000_000, 'yuan')).toBe('1.23亿元');
    expect(formatValue(45_678_000, 'yuan')).toBe('4,567.8万元');
    expect(formatValue(123, 'yuan')).toBe('123元');
    expect(formatValue(99_999_999, 'yuan')).toBe('10,000.0万元');
    expect(formatValue(1e8, 'yuan')).toBe('1.00亿元');
    expect(formatValue(-250_000_000, 'yuan')).toBe('−2.50亿元');
    expect(formatValue(12_345_678_900, 'yuan')).toBe('123.46亿元');
  });

  it('honours a forced yuan scale', () => {
    expect(formatValue(123_000_000, 'yuan', { scale: '万元' })).toBe('12,300.0万元');
    expect(formatValue(45_678_000, 'yuan', { scale: '亿元' })).toBe('0.46亿元');
  });

  it('formats the other units', () => {
    expect(formatValue(610, 'yuan_per_person')).toBe('610元');
    expect(formatValue(6.24, 'months')).toBe('6.2个月');
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(3_812_345.4, 'count')).toBe('3,812,345');
    expect(formatValue(1.9123, 'multiple')).toBe('1.91 : 1');
    expect(formatValue(3.46, 'count', { digits: 1, displayUnit: '天' })).toBe('3.5天');
  });

  it('shows a dash for missing values', () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(formatValue(v, 'ratio')).toBe('—');
      expect(formatValue(v, 'yuan')).toBe('—');
      expect(formatValue(v, 'count')).toBe('—');
    }
  });

  it('can sign positive values on request', () => {
    expect(formatValue(0.032, 'ratio', { signed: true })).toBe('+3.2%');
    expect(formatValue(12_000, 'yuan', { signed: true })).toBe('+1.2万元');
  });
});

describe('helpers', () => {
  it('formatYuan', () => {
    expect(formatYuan(123_456_789)).toBe('1.23亿元');
    expect(formatYuan(123_456_789, '万元')).toBe('12,345.7万元');
    expect(formatYuan(123_456_789, '亿元')).toBe('1.23亿元');
    expect(formatYuan(null)).toBe('—');
  });

  it('formatPercent and formatCount', () => {
    expect(formatPercent(0.9999)).toBe('100.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(undefined)).toBe('—');
  });

  it('pickYuanScale and unitLabel', () => {
    expect(pickYuanScale(2.5e9)).toBe('亿元');
    expect(pickYuanScale(-5e5)).toBe('万元');
    expect(pickYuanScale(800)).toBe('元');
    expect(unitLabel('yuan', '亿元')).toBe('亿元');
    expect(unitLabel('ratio')).toBe('%');
  });

  it('formatAxisTick keeps ticks short and on one scale', () => {
    expect(formatAxisTick(0.95, 'ratio')).toBe('95%');
    expect(formatAxisTick(0.955, 'ratio')).toBe('95.5%');
    expect(formatAxisTick(150_000_000, 'yuan', '亿元')).toBe('1.5亿');
    expect(formatAxisTick(50_000_000, 'yuan', '亿元')).toBe('0.5亿');
    expect(formatAxisTick(45_000_000, 'yuan', '万元')).toBe('4,500万');
    expect(formatAxisTick(6, 'months')).toBe('6');
    expect(formatAxisTick(null, 'count')).toBe('');
    expect(formatAxisTick(0, 'yuan', '亿元')).toBe('0');
  });
});

describe('formatPeriod', () => {
  it('formats YYYYMM periods', () => {
    expect(formatPeriod(202401)).toBe('2024年1月');
    expect(formatPeriod(202012)).toBe('2020年12月');
    expect(formatPeriod(202001, 'short')).toBe('20年1月');
    expect(formatPeriod(202001, 'iso')).toBe('2020-01');
    expect(formatPeriod('202105')).toBe('2021年5月');
  });

  it('formats bare years and rejects nonsense', () => {
    expect(formatPeriod(2024)).toBe('2024年');
    expect(formatPeriod(202413)).toBe('—');
    expect(formatPeriod(null)).toBe('—');
    expect(formatPeriod(2024.5)).toBe('—');
  });
});

describe('formatDelta', () => {
  it('compares ratios in percentage points', () => {
    expect(formatDelta(0.953, 0.928, 'ratio')).toBe('同比 +2.5个百分点');
    expect(formatDelta(0.918, 0.928, 'ratio')).toBe('同比 −1.0个百分点');
    expect(computeDelta(0.918, 0.928, 'ratio').direction).toBe('down');
  });

  it('compares money and counts as a relative change', () => {
    expect(formatDelta(103.2, 100, 'yuan')).toBe('同比 +3.2%');
    expect(formatDelta(950, 1000, 'count', '环比')).toBe('环比 −5.0%');
  });

  it('shows a change on a zero or negative base as an amount, never a percentage', () => {
    // 居民医保 当期结余 −15.09亿 → −29.06亿: not "同比 −92.6%"
    expect(formatDelta(-29.06e8, -15.09e8, 'yuan')).toBe('比上年减少13.97亿元');
    expect(computeDelta(-29.06e8, -15.09e8, 'yuan')).toMatchObject({ direction: 'down', kind: 'amount' });
    expect(formatDelta(-5e8, -10e8, 'yuan', '环比')).toBe('比上月增加5.00亿元'); // a smaller deficit is an increase
    expect(formatDelta(3e8, 0, 'yuan')).toBe('比上年增加3.00亿元');
    expect(formatDelta(-1e8, -1e8, 'yuan')).toBe('同比 持平');
  });

  it('compares months and multiples as an absolute difference', () => {
    expect(formatDelta(5.8, 6.3, 'months')).toBe('同比 −0.5个月');
    expect(formatDelta(1.91, 1.85, 'multiple')).toBe('同比 +0.06');
  });

  it('reports flat and missing', () => {
    expect(formatDelta(100.01, 100, 'count')).toBe('同比 持平');
    expect(computeDelta(100.01, 100, 'count').direction).toBe('flat');
    expect(formatDelta(1, null, 'count')).toBe('同比 —');
    expect(formatDelta(1, 2, 'count', '')).toBe('−50.0%');
  });
});

describe('export', () => {
  it('gives plain numbers in the header unit', () => {
    expect(exportValue(0.95349, 'ratio')).toBe(95.3);
    expect(exportValue(0.025, 'pp')).toBe(2.5);
    expect(exportValue(45_678_912, 'yuan')).toBe(4567.89);
    expect(exportValue(610, 'yuan_per_person')).toBe(610);
    expect(exportValue(6.24, 'months')).toBe(6.2);
    expect(exportValue(1234.4, 'count')).toBe(1234);
    expect(exportValue(1.9149, 'multiple')).toBe(1.91);
    expect(exportValue(null, 'ratio')).toBeNull();
    expect(exportValue(NaN, 'yuan')).toBeNull();
    expect(Object.is(exportValue(-0.0001, 'ratio'), -0)).toBe(false);
  });

  it('names the unit in the header suffix', () => {
    expect(exportHeaderSuffix('ratio')).toBe('(%)');
    expect(exportHeaderSuffix('yuan')).toBe('(万元)');
    expect(exportHeaderSuffix('count')).toBe('');
  });
});

describe('CSV builder (app/(site)/ui/tableExport)', () => {
  it('writes a BOM, unit headers, raw numbers and CRLF', () => {
    const csv = buildCsv(
      [
        { key: 'name', header: '县区' },
        { key: 'rate', header: '参保率', unit: 'ratio' },
        { key: 'income', header: '收入', unit: 'yuan' },
        { key: 'period', header: '期间', unit: 'period' },
      ],
      [
        { name: '甲县', rate: 0.9531, income: 123_456_789, period: 202401 },
        { name: '乙县, "新区"', rate: null, income: 0, period: 202402 },
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '县区,参保率(%),收入(万元),期间(年月)',
      '甲县,95.3,12345.68,202401',
      '"乙县, ""新区""",,0,202402',
    ]);
  });

  it('neutralises spreadsheet formulas in text cells', () => {
    expect(guardFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(guardFormula('@x')).toBe("'@x");
    expect(buildCsv([{ key: 'a', header: '=HEADER()' }], [{ a: -3 }, { a: '-x' }]).slice(1)).toBe("'=HEADER()\r\n-3\r\n'-x");
  });
});

import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting and guards formulas, header cells included', () => {
    const text = toCsv([["=cmd|' /C calc'!A0", '名称'], ['a,b', 'say "hi"'], ['-3', 12.5], [null, NaN], ['+1+1', '@SUM(A1)']], { bom: true });
    expect(text).toBe("\uFEFF'=cmd|' /C calc'!A0,名称\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n-3,12.5\r\n,\r\n'+1+1,'@SUM(A1)\r\n");
  });
  it('leaves numbers written as text alone', () => {
    expect(guardFormula('-3.5')).toBe('-3.5');
    expect(guardFormula('-x')).toBe("'-x");
    expect(guardFormula('\t=1')).toBe("'\t=1");
  });
  it('can drop the last line end', () => {
    expect(toCsv([['a'], ['b']], { trailingEol: false })).toBe('a\r\nb');
  });
});

describe('rejected rows download (lib/ingest/export)', () => {
  it("guards the file's own header cells as well as its data cells", async () => {
    const { rejectedRowsCsv } = await import('./ingest/export');
    const text = rejectedRowsCsv(["=cmd|' /C calc'!A0", '名称'], [{ rowNumber: 2, field: '名称', reason: '不能为空', raw: JSON.stringify(['=1+1', '']) }]).toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe("'=cmd|' /C calc'!A0,名称,原行号,错误原因");
    expect(text.slice(1).split('\r\n')[1]).toBe("'=1+1,,2,“名称”列：不能为空");
  });
});

// Text-level basics of reading a file, without the spreadsheet libraries (read.ts re-exports them): the
// settlement scanner's worker threads load only these.

export type TextEncoding = 'UTF-8' | 'UTF-8-BOM' | 'GB18030';

export class FileFormatError extends Error {
  constructor(message: string, readonly line = 0) {
    super(message);
    this.name = 'FileFormatError';
  }
}

/**
 * UTF-8 with a BOM, UTF-8, or GB18030 (a superset of GBK and GB2312, what Chinese Excel writes as "CSV").
 * `sample` is the start of the file; a sequence cut at its end is not held against UTF-8.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'UTF-8-BOM';
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new FileFormatError('不支持UTF-16编码的文件，请另存为“CSV UTF-8”或GBK编码的CSV');
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}

/**
 * A title line above the header: exactly one filled cell ('2025年基金预算表', '单位：万元'). Every template
 * has at least four columns, so a header row never looks like this.
 */
export function isTitleLine(cells: string[]): boolean {
  return cells.filter((c) => c.trim() !== '').length === 1;
}

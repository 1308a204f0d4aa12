import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import { openSource, ROW_CHUNK_SIZE, type ParseLimits, type RawRow } from './index.js';
import { asStream, chunked } from './test-fixtures.js';

async function parse(input: Buffer | AsyncIterable<Buffer>, limits?: Partial<ParseLimits>) {
  const source = await openSource({ format: 'csv', stream: Buffer.isBuffer(input) ? asStream([input]) : input, limits });
  const rows: RawRow[] = [];
  const chunkSizes: number[] = [];
  for await (const chunk of source.rows) {
    rows.push(...chunk);
    chunkSizes.push(chunk.length);
  }
  return { header: source.header, rows, chunkSizes };
}

async function parseError(input: Buffer | AsyncIterable<Buffer>, limits?: Partial<ParseLimits>): Promise<AppError> {
  try {
    await parse(input, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the parse to fail');
}

function toCsv(rows: string[][], newline: string): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(',')).join(newline) + newline;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('CSV encodings', () => {
  it('reads UTF-8 with a BOM, strips it and trims header cells', async () => {
    const { header, rows } = await parse(utf8('\ufeff 行政相对人名称 ,CF_WSH\r\n张三,京罚〔2024〕1号\r\n'));
    expect(header).toEqual({ headers: ['行政相对人名称', 'CF_WSH'], encoding: 'utf-8' });
    expect(rows).toEqual([{ rowNo: 2, values: ['张三', '京罚〔2024〕1号'] }]);
  });

  it('reads UTF-8 without a BOM', async () => {
    const { header, rows } = await parse(utf8('名称,代码\n华信达科技有限公司,91110108MA01234567\n'));
    expect(header.encoding).toBe('utf-8');
    expect(rows[0]?.values).toEqual(['华信达科技有限公司', '91110108MA01234567']);
  });

  it('detects GBK (as GB18030, its superset)', async () => {
    const { header, rows } = await parse(iconv.encode('名称,处罚机关\n张三,北京市市场监督管理局\n', 'gbk'));
    expect(header).toEqual({ headers: ['名称', '处罚机关'], encoding: 'gb18030' });
    expect(rows[0]?.values).toEqual(['张三', '北京市市场监督管理局']);
  });

  it('reads characters that only GB18030 has (𠮷, 䶮), split across chunks', async () => {
    const bytes = iconv.encode('姓名,备注\n吉𠮷,刘䶮\n', 'gb18030');
    const { header, rows } = await parse(asStream(chunked(bytes, [1, 2, 3])));
    expect(header.encoding).toBe('gb18030');
    expect(rows[0]?.values).toEqual(['吉𠮷', '刘䶮']);
  });

  it('decides late when the first non-ASCII byte comes after a long ASCII stretch', async () => {
    const ascii = 'CF_XDR_MC,CF_WSH\n' + 'abc,123\n'.repeat(20_000);
    const bytes = Buffer.concat([Buffer.from(ascii, 'latin1'), iconv.encode('张三,京罚1号\n', 'gbk')]);
    const { header, rows } = await parse(asStream(chunked(bytes, [4096])));
    expect(header.encoding).toBe('gb18030');
    expect(rows.at(-1)).toEqual({ rowNo: 20_002, values: ['张三', '京罚1号'] });
  });

  it('rejects bytes that are invalid in the encoding chosen earlier, naming the line', async () => {
    const start = '名称,代码\n' + '张三,1\n'.repeat(20_000);
    const bytes = Buffer.concat([utf8(start), iconv.encode('李四,2\n', 'gbk')]);
    const error = await parseError(asStream(chunked(bytes, [65536])));
    expect(error.code).toBe('PARSE_CSV_INVALID_BYTES');
    expect(error.params).toMatchObject({ encoding: 'UTF-8', line: 20_002 });
  });

  it('rejects binary garbage with NUL bytes', async () => {
    const error = await parseError(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
    expect(error.code).toBe('PARSE_CSV_BINARY');
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = i % 2 === 0 ? 0x80 : 0xff;
    const error = await parseError(Buffer.concat([utf8('a,b\n'), garbage]));
    expect(error.code).toBe('PARSE_CSV_UNKNOWN_ENCODING');
    expect(error.message).toContain('另存为');
  });

  it('rejects UTF-16 with a clear message', async () => {
    const error = await parseError(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\r\n', 'utf16le')]));
    expect(error.code).toBe('PARSE_CSV_UTF16');
  });
});

describe('CSV structure', () => {
  it('handles quoted cells with delimiters, line breaks and doubled quotes; row numbers follow Excel', async () => {
    const text = 'a,b,c\r\n1,"x,y","他说""好""\r\n第二行"\r\n\r\n,,\r\n3,4\r\n';
    const { rows } = await parse(utf8(text));
    expect(rows).toEqual([
      { rowNo: 2, values: ['1', 'x,y', '他说"好"\r\n第二行'] },
      { rowNo: 5, values: ['3', '4', ''] },
    ]);
  });

  it('splits files that mix CRLF and LF line breaks into the rows Excel shows', async () => {
    const { rows } = await parse(utf8('a,b\r\n1,2\n3,"x\r\ny"\r\n5,6\n'));
    expect(rows.map((r) => [r.rowNo, ...r.values])).toEqual([
      [2, '1', '2'],
      [3, '3', 'x\r\ny'],
      [4, '5', '6'],
    ]);
  });

  it('reads files with classic Mac line breaks (CR only)', async () => {
    const { rows } = await parse(utf8('a,b\r1,2\r3,4\r'));
    expect(rows.map((r) => r.values)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('pads short rows and accepts extra cells that are empty', async () => {
    const { rows } = await parse(utf8('a,b,c\n1\n1,2,3,,,\n'));
    expect(rows.map((r) => r.values)).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
  });

  it('drops trailing empty header cells and skips leading blank lines', async () => {
    const { header, rows } = await parse(utf8('\n\na,b,,\n1,2\n'));
    expect(header.headers).toEqual(['a', 'b']);
    expect(rows).toEqual([{ rowNo: 4, values: ['1', '2'] }]);
  });

  it('reads tab-delimited text (Excel "text (tab delimited)")', async () => {
    const { header, rows } = await parse(iconv.encode('名称\t金额\n张三\t0.2\n', 'gbk'));
    expect(header.headers).toEqual(['名称', '金额']);
    expect(rows[0]?.values).toEqual(['张三', '0.2']);
  });

  it('keeps values as typed (dates, leading zeros, spaces)', async () => {
    const { rows } = await parse(utf8('d,code,n\n2024/1/5,007, x \n'));
    expect(rows[0]?.values).toEqual(['2024/1/5', '007', ' x ']);
  });

  it('returns the header and no rows for a header-only file', async () => {
    const { header, rows } = await parse(utf8('CF_XDR_MC,CF_WSH'));
    expect(header.headers).toEqual(['CF_XDR_MC', 'CF_WSH']);
    expect(rows).toEqual([]);
  });

  it('rejects an empty file, and one with only blank lines and a BOM', async () => {
    expect((await parseError(Buffer.alloc(0))).code).toBe('PARSE_EMPTY_FILE');
    expect((await parseError(utf8('\ufeff\r\n\r\n,,\r\n'))).code).toBe('PARSE_EMPTY_FILE');
  });

  it('reports an unclosed quote with its row and column', async () => {
    const error = await parseError(utf8('名称,代码\n张三,1\n李四,"2\n王五,3\n'));
    expect(error.code).toBe('PARSE_CSV_UNCLOSED_QUOTE');
    expect(error.details).toMatchObject({ rowNo: 3, column: 2 });
    expect(error.message).toContain('第 3 行 B 列「代码」');
  });

  it('reports characters after a closing quote', async () => {
    const error = await parseError(utf8('a,b\n1,2\n"x"y,2\n'));
    expect(error.code).toBe('PARSE_CSV_BAD_QUOTE');
    expect(error.details).toMatchObject({ rowNo: 3 });
  });

  it('reports a row with more cells than the header', async () => {
    const error = await parseError(utf8('a,b\n1,2\n1,2,多余\n'));
    expect(error.code).toBe('PARSE_ROW_TOO_MANY_CELLS');
    expect(error.details).toMatchObject({ rowNo: 3, column: 3, headerCount: 2 });
    expect(error.message).toContain('第 3 行 C 列');
  });

  it('enforces the column limit on the header', async () => {
    const error = await parseError(utf8('a,b,c,d\n'), { maxColumns: 3 });
    expect(error.code).toBe('PARSE_TOO_MANY_COLUMNS');
    expect(error.params).toMatchObject({ count: 4, limit: 3 });
  });

  it('names the row and column of a cell over the limit, counting code points', async () => {
    expect((await parse(utf8(`a,b\n1,${'𠮷'.repeat(10)}\n`), { maxCellChars: 10 })).rows).toHaveLength(1);
    const error = await parseError(utf8(`a,b\n1,2\n3,${'x'.repeat(11)}\n`), { maxCellChars: 10 });
    expect(error.code).toBe('PARSE_CELL_TOO_LONG');
    expect(error.details).toMatchObject({ rowNo: 3, column: 2, length: 11, limit: 10 });
    expect(error.message).toContain('第 3 行 B 列「b」');
  });

  it('stops early on an unclosed quote in a long stream instead of reading to the end', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield utf8('a,b\n1,"never closed');
      const filler = utf8('这一段文字永远没有结束引号，'.repeat(5000));
      for (let i = 0; i < 2000; i++) {
        produced += filler.length;
        yield filler;
      }
    }
    const error = await parseError(endless(), { maxCellChars: 100_000 });
    expect(error.code).toBe('PARSE_CSV_QUOTED_CELL_TOO_LONG');
    expect(error.details).toMatchObject({ rowNo: 2, column: 2 });
    expect(produced).toBeLessThan(5 * 1024 * 1024);
  });

  it('stops early on a malformed quote in a long stream and names it', async () => {
    async function* stream(): AsyncGenerator<Buffer> {
      yield utf8('a,b\n1,2\n"x"y,2\n');
      for (let i = 0; i < 2000; i++) yield utf8('3,4\n'.repeat(5000));
    }
    const error = await parseError(stream(), { maxCellChars: 1000 });
    expect(error.code).toBe('PARSE_CSV_BAD_QUOTE');
    expect(error.details).toMatchObject({ rowNo: 3 });
  });

  it('enforces maxBytes while streaming, without reading the rest', async () => {
    let produced = 0;
    async function* big(): AsyncGenerator<Buffer> {
      yield utf8('a,b\n');
      const rows = utf8('张三,京罚1号\n'.repeat(1000));
      for (let i = 0; i < 10_000; i++) {
        produced += rows.length;
        yield rows;
      }
    }
    const error = await parseError(big(), { maxBytes: 1024 * 1024 });
    expect(error.code).toBe('PARSE_FILE_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
  });

  it('enforces maxRows', async () => {
    const error = await parseError(utf8('a\n1\n2\n3\n'), { maxRows: 2 });
    expect(error.code).toBe('PARSE_TOO_MANY_ROWS');
    expect(error.status).toBe(413);
    expect(error.details).toMatchObject({ rowNo: 4, limit: 2 });
  });

  it('delivers rows in chunks and streams (rows arrive before the input ends)', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield utf8('n,text\n');
      for (let i = 0; i < 200; i++) {
        const block = Array.from({ length: 100 }, (_, k) => `${i * 100 + k},行政处罚决定书内容\n`).join('');
        produced += 1;
        yield utf8(block);
      }
    }
    const opened = await openSource({ format: 'csv', stream: source() });
    let producedAtFirstChunk = -1;
    let total = 0;
    for await (const chunk of opened.rows) {
      if (producedAtFirstChunk === -1) producedAtFirstChunk = produced;
      expect(chunk.length).toBeLessThanOrEqual(ROW_CHUNK_SIZE);
      total += chunk.length;
    }
    expect(total).toBe(20_000);
    expect(producedAtFirstChunk).toBeLessThan(200);
  });

  it('releases the input when the caller returns without iterating', async () => {
    const input = Readable.from([utf8('a\n'), utf8('1\n'.repeat(100_000))]);
    const opened = await openSource({ format: 'csv', stream: input });
    await opened.rows[Symbol.asyncIterator]().return?.();
    expect(input.destroyed).toBe(true);
  });

  it('accepts a Node Readable and refuses a second iteration', async () => {
    const opened = await openSource({ format: 'csv', stream: Readable.from([utf8('a\n1\n')]) });
    const rows: RawRow[] = [];
    for await (const chunk of opened.rows) rows.push(...chunk);
    expect(rows).toEqual([{ rowNo: 2, values: ['1'] }]);
    expect(() => opened.rows[Symbol.asyncIterator]()).toThrow(/once/);
  });

  it('round-trips any table, in any encoding, however the bytes are chunked', async () => {
    const cellChar = fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r\n', '张', '𠮷', '䶮', '，', '“', '\t');
    const headerChar = fc.constantFrom('a', 'b', 'C', '_', '名', '称', '𠮷');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.record({
            headers: fc.array(fc.string({ unit: headerChar, minLength: 1, maxLength: 6 }), { minLength: width, maxLength: width }),
            rows: fc.array(fc.array(fc.string({ unit: cellChar, maxLength: 8 }), { minLength: width, maxLength: width }), { maxLength: 15 }),
          }),
        ),
        fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        async ({ headers, rows }, encoding, newline, sizes) => {
          const text = toCsv([headers, ...rows], newline);
          const bytes = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : utf8((encoding === 'utf-8-bom' ? '\ufeff' : '') + text);
          const result = await parse(asStream(chunked(bytes, sizes)));
          expect(result.header.headers).toEqual(headers);
          const ascii = [...text].every((ch) => ch.charCodeAt(0) < 0x80);
          expect(result.header.encoding).toBe(encoding === 'gb18030' && !ascii ? 'gb18030' : 'utf-8');
          const expected = rows.map((values, i) => ({ rowNo: i + 2, values })).filter((r) => r.values.some((v) => v !== ''));
          expect(result.rows).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import { openSource, type ParseLimits, type RawRow } from './index.js';
import { asStream, chunked } from './test-fixtures.js';
import { plainDecimal } from './values.js';

const privateTmp = mkdtempSync(join(tmpdir(), 'json-test-'));
process.env.TMPDIR = privateTmp;

async function parse(input: Buffer | string | AsyncIterable<Buffer>, limits?: Partial<ParseLimits>) {
  const stream = typeof input === 'string' ? asStream([Buffer.from(input, 'utf8')]) : Buffer.isBuffer(input) ? asStream([input]) : input;
  const source = await openSource({ format: 'json', stream, limits });
  const rows: RawRow[] = [];
  for await (const chunk of source.rows) rows.push(...chunk);
  return { header: source.header, rows };
}

async function parseError(input: Buffer | string | AsyncIterable<Buffer>, limits?: Partial<ParseLimits>): Promise<AppError> {
  try {
    await parse(input, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the parse to fail');
}

describe('JSON records', () => {
  it('takes the union of keys in first-seen order and stringifies values', async () => {
    const { header, rows } = await parse('[{"CF_XDR_MC":"张三","CF_NR_FK":0.2},{"CF_NR_FK":12,"BZ":null,"flag":true},{}]');
    expect(header).toEqual({ headers: ['CF_XDR_MC', 'CF_NR_FK', 'BZ', 'flag'] });
    expect(rows).toEqual([
      { rowNo: 1, values: ['张三', '0.2', '', ''] },
      { rowNo: 2, values: ['', '12', '', 'true'] },
      { rowNo: 3, values: ['', '', '', ''] },
    ]);
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('reads the { "records": [...] } envelope, ignoring other top-level fields', async () => {
    const { header, rows } = await parse('\ufeff {"department":"市场监管局","meta":{"n":[1,2]},"records":[{"a":"x"}],"count":1}');
    expect(header.headers).toEqual(['a']);
    expect(rows).toEqual([{ rowNo: 1, values: ['x'] }]);
  });

  it('writes numbers in plain decimal form and keeps strings exact', async () => {
    const { rows } = await parse('[{"a":1e-7,"b":-0.5,"c":"}\\"{\\\\","d":"\\u5f20\\ud842\\udfb7","e":9007199254740991}]');
    expect(rows[0]?.values).toEqual(['0.0000001', '-0.5', '}"{\\', '张𠮷', '9007199254740991']);
  });

  it('returns no headers and no rows for an empty array', async () => {
    expect(await parse(' [ ] ')).toEqual({ header: { headers: [] }, rows: [] });
  });

  it('rejects an empty file', async () => {
    expect((await parseError('')).code).toBe('PARSE_EMPTY_FILE');
    expect((await parseError('  \n ')).code).toBe('PARSE_EMPTY_FILE');
  });

  it('round-trips any records however the bytes are chunked', async () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'C', '名', '"', '\\', '{', ']'), minLength: 1, maxLength: 4 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const value = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ min: -1e15, max: 1e15, noNaN: true }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(key, value, { maxKeys: 4 }), { maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
        async (records, envelope, sizes) => {
          const text = envelope ? JSON.stringify({ x: [1, { y: '}' }], records }, null, 1) : JSON.stringify(records, null, 2);
          const { header, rows } = await parse(asStream(chunked(Buffer.from(text, 'utf8'), sizes)));
          const headers: string[] = [];
          for (const r of records) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
          expect(header.headers).toEqual(headers);
          const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? plainDecimal(v) : String(v));
          expect(rows.map((r) => r.values)).toEqual(records.map((r) => headers.map((h) => (Object.hasOwn(r, h) ? show(r[h]) : ''))));
          expect(rows.map((r) => r.rowNo)).toEqual(records.map((_, i) => i + 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('JSON hostile input', () => {
  it('rejects __proto__, constructor and prototype keys without polluting anything', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const error = await parseError(`[{"a":1},{"${key}":{"polluted":1}}]`);
      expect(error.code).toBe('PARSE_JSON_FORBIDDEN_KEY');
      expect(error.message).toContain('第 2 条记录');
    }
    expect((await parseError('{"__proto__":{"x":1},"records":[]}')).code).toBe('PARSE_JSON_FORBIDDEN_KEY');
    expect((await parseError('{"meta":{"__proto__":1},"records":[]}')).code).toBe('PARSE_JSON_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects 10,000-deep nesting without overflowing the stack', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect((await parseError(`[{"a":${deep}}]`)).code).toBe('PARSE_JSON_TOO_DEEP');
    expect((await parseError(`{"x":${deep},"records":[]}`)).code).toBe('PARSE_JSON_TOO_DEEP');
    expect((await parseError(`[${deep}]`)).code).toBe('PARSE_JSON_RECORD_NOT_OBJECT');
  });

  it('names the index of a record that is not an object', async () => {
    const error = await parseError('[{"a":1},{"a":2},"张三"]');
    expect(error.code).toBe('PARSE_JSON_RECORD_NOT_OBJECT');
    expect(error.params).toMatchObject({ index: 3, actual: '字符串' });
  });

  it('names the key of a nested value', async () => {
    const error = await parseError('[{"a":1,"处罚内容":{"金额":1}}]');
    expect(error.code).toBe('PARSE_JSON_NESTED_VALUE');
    expect(error.params).toMatchObject({ index: 1, key: '处罚内容', actual: '对象' });
    expect((await parseError('[{"a":[1]}]')).params).toMatchObject({ actual: '数组' });
  });

  it('rejects integers that lost precision', async () => {
    const error = await parseError('[{"CF_XDR_ZJHM":110101199003071234}]');
    expect(error.code).toBe('PARSE_JSON_NUMBER_PRECISION');
    expect(error.params).toMatchObject({ index: 1, key: 'CF_XDR_ZJHM' });
  });

  it('reports syntax errors with the record or byte position', async () => {
    expect((await parseError('[{"a":1},]')).code).toBe('PARSE_JSON_SYNTAX');
    expect((await parseError('[{"a":1}')).message).toContain('不完整');
    expect((await parseError('[{"a":1}] x')).code).toBe('PARSE_JSON_SYNTAX');
    const bad = await parseError('[{"a":1},{"a":01}]');
    expect(bad.code).toBe('PARSE_JSON_SYNTAX');
    expect(bad.message).toContain('第 2 条记录');
    expect((await parseError('{"records":{}}')).code).toBe('PARSE_JSON_SHAPE');
    expect((await parseError('{"data":[]}')).code).toBe('PARSE_JSON_SHAPE');
    expect((await parseError('"records"')).code).toBe('PARSE_JSON_SHAPE');
  });

  it('requires UTF-8', async () => {
    const error = await parseError(iconv.encode('[{"名称":"张三"}]', 'gbk'));
    expect(error.code).toBe('PARSE_JSON_NOT_UTF8');
  });

  it('enforces maxBytes, maxRows, maxColumns and maxCellChars', async () => {
    const many = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ n: i, text: '行政处罚决定书' })));
    const tooBig = await parseError(many, { maxBytes: 1024 });
    expect(tooBig.code).toBe('PARSE_FILE_TOO_LARGE');
    expect(tooBig.status).toBe(413);
    expect((await parseError(many, { maxRows: 100 })).details).toMatchObject({ rowNo: 101 });
    const wide = await parseError('[{"a":1,"b":2},{"c":3}]', { maxColumns: 2 });
    expect(wide.code).toBe('PARSE_TOO_MANY_COLUMNS');
    const long = await parseError('[{"a":"12345678901"}]', { maxCellChars: 10 });
    expect(long.code).toBe('PARSE_CELL_TOO_LONG');
    expect(long.message).toContain('第 1 条记录的字段「a」');
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('bounds the size of one record', async () => {
    const error = await parseError(`[{"a":"${'x'.repeat(5000)}"}]`, { maxColumns: 1, maxCellChars: 100 });
    expect(error.code).toBe('PARSE_JSON_RECORD_TOO_LARGE');
  });
});

import { describe, expect, it } from 'vitest';
import { detectFormat } from './index.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('detectFormat', () => {
  it('goes by extension, case-insensitively, ignoring folders', () => {
    expect(detectFormat('行政处罚.csv', bytes('a,b'))).toBe('csv');
    expect(detectFormat('C:\\导出\\处罚.TXT', bytes('a\tb'))).toBe('csv');
    expect(detectFormat('data/penalties.json', bytes('[]'))).toBe('json');
    expect(detectFormat('处罚.xlsx', ZIP)).toBe('xlsx');
  });

  it('lets zip and OLE signatures win over the extension', () => {
    expect(detectFormat('renamed.csv', ZIP)).toBe('xlsx');
    expect(detectFormat('old.xls', CFB)).toBe('xlsx');
    expect(detectFormat('upload', CFB)).toBe('xlsx');
  });

  it('recognises JSON by its first character without an extension', () => {
    expect(detectFormat('upload', bytes('\ufeff \n [{"a":1}]'))).toBe('json');
    expect(detectFormat('', bytes('{"records":[]}'))).toBe('json');
  });

  it('returns undefined when nothing matches, including prototype names', () => {
    expect(detectFormat('upload', bytes('a,b'))).toBeUndefined();
    expect(detectFormat('x.constructor', bytes('a'))).toBeUndefined();
    expect(detectFormat('x.__proto__', bytes('a'))).toBeUndefined();
    expect(detectFormat('.csv', Buffer.alloc(0))).toBeUndefined();
  });
});

/**
 * A small, defensive reader for the zip container of an .xlsx. It trusts only the central directory
 * (a truncated upload has none, so it is caught before any parsing), inflates only the parts it is
 * asked for, and counts every inflated byte: a part that inflates to more than its declared size, or
 * fails its CRC, is rejected instead of being fed to the XML parser.
 */
import { crc32, createInflateRaw } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../../kernel/errors.js';
import { ParseErrors } from './errors.js';
import { readAt, readRange } from './spool.js';

/** One file in the zip, as the central directory declares it. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CD_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A real workbook's directory is a few KB; this bound keeps a hostile one from being read into memory. */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** The zip is unreadable: the clerk gets "不是有效的 Excel 文件（.xlsx）：{reason}". */
export function invalidZip(reason: string): AppError {
  return new AppError(ParseErrors.PARSE_XLSX_INVALID, { reason }, { reason });
}

const TRUNCATED = '文件不完整或已损坏（找不到压缩包目录），请重新导出后上传';

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidZip('压缩包目录中的数值异常');
  return Number(value);
}

/** Reads the central directory; fails on a truncated file, multi-disk archives and more than `maxEntries` files. */
export async function readCentralDirectory(file: FileHandle, fileSize: number, maxEntries: number): Promise<ZipEntry[]> {
  if (fileSize < EOCD_SIZE) throw invalidZip(TRUNCATED);
  const tailSize = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT);
  const tailStart = fileSize - tailSize;
  const tail = await readAt(file, tailStart, tailSize);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw invalidZip(TRUNCATED);
  const disk = tail.readUInt16LE(eocd + 4);
  const cdDisk = tail.readUInt16LE(eocd + 6);
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) throw invalidZip('不支持分卷压缩包');

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20;
    if (locatorAt < 0) throw invalidZip(TRUNCATED);
    const locator = await readAt(file, locatorAt, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw invalidZip(TRUNCATED);
    const zip64At = u64(locator, 8);
    const record = await readAt(file, zip64At, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw invalidZip(TRUNCATED);
    count = u64(record, 32);
    cdSize = u64(record, 40);
    cdOffset = u64(record, 48);
  }
  if (count > maxEntries) throw invalidZip(`压缩包内有 ${count} 个文件，超过上限 ${maxEntries} 个`);
  if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES || cdOffset + cdSize > fileSize) throw invalidZip(TRUNCATED);

  const cd = await readAt(file, cdOffset, cdSize);
  if (cd.length < cdSize) throw invalidZip(TRUNCATED);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= cd.length && entries.length < count) {
    if (cd.readUInt32LE(at) !== CD_SIGNATURE) throw invalidZip('压缩包目录已损坏');
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const crc = cd.readUInt32LE(at + 16);
    let compressedSize = cd.readUInt32LE(at + 20);
    let uncompressedSize = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    let localHeaderOffset = cd.readUInt32LE(at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > cd.length) throw invalidZip('压缩包目录已损坏');
    const name = cd.toString('utf8', nameStart, extraStart);
    // ZIP64: the real values of saturated fields follow, in this order, in extra field 0x0001.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let e = extraStart;
      const extraEnd = extraStart + extraLength;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const size = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          const end = Math.min(p + size, extraEnd);
          if (uncompressedSize === 0xffffffff && p + 8 <= end) {
            uncompressedSize = u64(cd, p);
            p += 8;
          }
          if (compressedSize === 0xffffffff && p + 8 <= end) {
            compressedSize = u64(cd, p);
            p += 8;
          }
          if (localHeaderOffset === 0xffffffff && p + 8 <= end) localHeaderOffset = u64(cd, p);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, flags, method, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset });
    at = next;
  }
  if (entries.length < count) throw invalidZip('压缩包目录已损坏');
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths may differ from the directory's. */
export async function entryDataOffset(file: FileHandle, fileSize: number, entry: ZipEntry): Promise<number> {
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw invalidZip(`${entry.name} 已损坏`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw invalidZip(`${entry.name} 不完整`);
  return start;
}

/** Readable streams opened for entries, so the caller can destroy them when parsing stops early. */
export type StreamTracker = Set<Readable>;

/**
 * Streams an entry's inflated bytes, never more than its declared size: the count is checked on every
 * chunk, so a part that lies about its size cannot grow past it.
 */
export async function* inflateEntry(file: FileHandle, fileSize: number, entry: ZipEntry, tracker?: StreamTracker): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw invalidZip('文件内容已加密');
  if (entry.method !== 0 && entry.method !== 8) throw invalidZip(`${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
  const start = await entryDataOffset(file, fileSize, entry);
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw invalidZip(`${entry.name} 已损坏`);
    return;
  }
  const source = Readable.from(readRange(file, start, start + entry.compressedSize), { objectMode: false });
  const output: Readable = entry.method === 8 ? source.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : source;
  if (output !== source) source.on('error', (error) => output.destroy(error));
  tracker?.add(source);
  tracker?.add(output);
  let total = 0;
  let crc = 0;
  // The last chunk is held back until the size and CRC are checked: a reader that needs exactly the
  // declared bytes could otherwise finish with the part before its check ever runs.
  let held: Buffer | undefined;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw invalidZip(`${entry.name} 解压后的实际大小超过了文件声明的大小，文件已损坏或是恶意构造的`);
      crc = crc32(chunk, crc);
      if (held) yield held;
      held = chunk;
    }
    if (total !== entry.uncompressedSize) throw invalidZip(`${entry.name} 不完整，文件已损坏`);
    if (crc >>> 0 !== entry.crc32) throw invalidZip(`${entry.name} 校验失败（CRC 不符），文件已损坏`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidZip(`${entry.name} 无法解压，文件已损坏`);
  } finally {
    source.destroy();
    output.destroy();
    tracker?.delete(source);
    tracker?.delete(output);
  }
  if (held) yield held;
}

/** Inflates a small entry (workbook, relationships) into memory; the caller has bounded its declared size. */
export async function readEntry(file: FileHandle, fileSize: number, entry: ZipEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(file, fileSize, entry)) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * Streaming text decoding for CSV uploads with encoding detection. Departments export from Excel and
 * WPS on Windows, which write UTF-8 (often with a BOM) or the ANSI code page, GBK; GB18030 is a
 * superset of GBK, so GBK files decode as GB18030 and so do characters outside GBK such as 𠮷 and 䶮.
 */
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { AppError } from '../../kernel/errors.js';
import { ParseErrors } from './errors.js';

/** The encodings a CSV upload may use. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/** Filled in by {@link decodeCsvText} as soon as the encoding is known. */
export interface DecodeState {
  encoding: CsvEncoding | undefined;
}

/**
 * Bytes of non-ASCII text examined before choosing an encoding. GBK text is practically never valid
 * UTF-8 over a few kilobytes, but a handful of characters can be (the classic 联通 case), so the
 * decision waits for a good sample.
 */
const SNIFF_WINDOW = 64 * 1024;
/**
 * GB18030 through the runtime's ICU converter when it has one (official Node builds do): measured 7×
 * faster than iconv-lite here (171 MB in 1.0 s against 7.0 s), and fatal on invalid bytes. The two
 * agree on every assigned character; they differ only on 19 legacy private-use mappings, where ICU
 * gives the standard code points of GB18030-2005/2022. iconv-lite remains the fallback.
 */
function nativeGb18030(): TextDecoder | undefined {
  try {
    return new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
  } catch {
    return undefined;
  }
}

/** In a real text file control characters other than tab and line breaks are rare; garbage is full of them. */
const MAX_CONTROL_CHAR_RATIO = 0.01;

const LF = 0x0a;

function countLineFeeds(bytes: Buffer, start = 0, end = bytes.length): number {
  let count = 0;
  let at = bytes.indexOf(LF, start);
  while (at !== -1 && at < end) {
    count += 1;
    at = bytes.indexOf(LF, at + 1);
  }
  return count;
}

function countNewlinesInText(text: string, end: number): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at !== -1 && at < end) {
    count += 1;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/** Index of the first byte at which `bytes` stops being well-formed UTF-8 (only run on a chunk known to be bad). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function isPlausibleText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls += 1;
  }
  return controls <= text.length * MAX_CONTROL_CHAR_RATIO;
}

function firstImplausibleChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return i;
  }
  return text.length;
}

function binaryError(line: number): AppError {
  return new AppError(ParseErrors.PARSE_CSV_BINARY, { line }, { line });
}

/** Re-chunks the start of the stream so the first chunk holds at least `n` bytes (a BOM may arrive split). */
async function* headFirst(input: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let size = 0;
  let passing = false;
  for await (const chunk of input) {
    if (passing) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size >= n) {
      passing = true;
      yield Buffer.concat(head);
    }
  }
  if (!passing && size > 0) yield Buffer.concat(head);
}

/**
 * Decodes a CSV byte stream to text chunks. ASCII is the same in both encodings, so text flows through
 * undecided until the first non-ASCII byte; then a window of up to 64 KiB from that byte decides:
 * well-formed UTF-8 → utf-8, otherwise GB18030 if it decodes cleanly, otherwise the file is rejected.
 * A UTF-8 BOM decides at once and is stripped. After the decision, bytes that do not decode in the
 * chosen encoding fail the file (mixed encodings would otherwise turn into silent U+FFFD garbage).
 */
export async function* decodeCsvText(input: AsyncIterable<Buffer>, state: DecodeState): AsyncGenerator<string> {
  let lineFeeds = 0; // in bytes already turned into text: for "near line N" in errors
  let utf8: TextDecoder | undefined;
  let gb: ReturnType<typeof iconv.getDecoder> | undefined;
  let gbNative: TextDecoder | undefined;
  let first = true;
  let window: Buffer[] = [];
  let windowBytes = 0;

  const decide = (sample: Buffer, atEnd: boolean): void => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !atEnd });
      state.encoding = 'utf-8';
      utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      return;
    } catch {
      // not UTF-8: try GB18030 below
    }
    const probe = iconv.getDecoder('gb18030');
    const text = probe.write(sample) + (atEnd ? probe.end() ?? '' : '');
    if (!isPlausibleText(text)) {
      const bad = firstImplausibleChar(text);
      const line = lineFeeds + countNewlinesInText(text, bad) + 1;
      throw new AppError(ParseErrors.PARSE_CSV_UNKNOWN_ENCODING, { line }, { line });
    }
    state.encoding = 'gb18030';
    gbNative = nativeGb18030();
    if (!gbNative) gb = iconv.getDecoder('gb18030');
  };

  const gbInvalid = (bytes: Buffer): AppError => {
    const text = iconv.decode(bytes, 'gb18030');
    const line = lineFeeds + countNewlinesInText(text, Math.max(0, text.indexOf('\ufffd'))) + 1;
    return new AppError(ParseErrors.PARSE_CSV_INVALID_BYTES, { encoding: 'GBK/GB18030', line }, { encoding: 'gb18030', line });
  };

  const decodeDecided = (bytes: Buffer, atEnd: boolean): string => {
    let text: string;
    if (utf8) {
      try {
        text = utf8.decode(bytes, { stream: !atEnd });
      } catch {
        const bad = firstInvalidUtf8(bytes);
        const line = lineFeeds + countLineFeeds(bytes, 0, bad) + 1;
        throw new AppError(ParseErrors.PARSE_CSV_INVALID_BYTES, { encoding: 'UTF-8', line }, { encoding: 'utf-8', line });
      }
    } else if (gbNative) {
      try {
        text = gbNative.decode(bytes, { stream: !atEnd });
      } catch {
        throw gbInvalid(bytes);
      }
    } else {
      const decoder = gb as ReturnType<typeof iconv.getDecoder>;
      text = decoder.write(bytes) + (atEnd ? decoder.end() ?? '' : '');
      const bad = text.indexOf('\ufffd');
      if (bad !== -1) {
        const line = lineFeeds + countNewlinesInText(text, bad) + 1;
        throw new AppError(ParseErrors.PARSE_CSV_INVALID_BYTES, { encoding: 'GBK/GB18030', line }, { encoding: 'gb18030', line });
      }
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) throw binaryError(lineFeeds + countNewlinesInText(text, nul) + 1);
    lineFeeds += countLineFeeds(bytes);
    return text;
  };

  const flushWindow = (atEnd: boolean): string => {
    const sample = window.length === 1 ? (window[0] as Buffer) : Buffer.concat(window);
    window = [];
    windowBytes = 0;
    decide(sample, atEnd);
    return decodeDecided(sample, atEnd);
  };

  for await (let chunk of headFirst(input, 4)) {
    if (first) {
      first = false;
      if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        throw new AppError(ParseErrors.PARSE_CSV_UTF16);
      }
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        state.encoding = 'utf-8';
        utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
        chunk = chunk.subarray(3);
      }
    }
    if (utf8 || gb || gbNative) {
      const text = decodeDecided(chunk, false);
      if (text) yield text;
      continue;
    }
    if (window.length > 0) {
      window.push(chunk);
      windowBytes += chunk.length;
      if (windowBytes >= SNIFF_WINDOW) {
        const text = flushWindow(false);
        if (text) yield text;
      }
      continue;
    }
    // Undecided: pass ASCII through until the first byte that needs an encoding.
    let nonAscii = -1;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b >= 0x80) {
        nonAscii = i;
        break;
      }
      if (b === 0) throw binaryError(lineFeeds + countLineFeeds(chunk, 0, i) + 1);
    }
    const asciiEnd = nonAscii === -1 ? chunk.length : nonAscii;
    if (asciiEnd > 0) {
      const text = chunk.toString('latin1', 0, asciiEnd);
      lineFeeds += countLineFeeds(chunk, 0, asciiEnd);
      yield text;
    }
    if (nonAscii !== -1) {
      const rest = chunk.subarray(nonAscii);
      window.push(rest);
      windowBytes += rest.length;
      if (windowBytes >= SNIFF_WINDOW) {
        const text = flushWindow(false);
        if (text) yield text;
      }
    }
  }
  if (window.length > 0) {
    const text = flushWindow(true);
    if (text) yield text;
  } else if (utf8 || gb || gbNative) {
    const text = decodeDecided(Buffer.alloc(0), true);
    if (text) yield text;
  } else {
    // Pure ASCII (or empty): valid UTF-8.
    state.encoding = 'utf-8';
  }
}

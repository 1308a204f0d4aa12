/**
 * Spooling an upload to a temporary file. XLSX needs random access (the zip directory is at the end)
 * and JSON needs two passes (headers are the union of all records' keys), so both land on disk first
 * instead of in memory.
 */
import { open, mkdtemp, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A spooled upload: read it through `file`; `dispose` closes and deletes it (idempotent). */
export interface Spool {
  file: FileHandle;
  size: number;
  dispose(): Promise<void>;
}

/**
 * Writes the chunks to a fresh file under os.tmpdir(). Once written, the file is unlinked while still
 * open where the platform allows it (POSIX), so nothing is left on disk even if the reader is abandoned
 * or the process dies; elsewhere it is deleted by `dispose`.
 */
export async function spoolToTempFile(chunks: AsyncIterable<Buffer>): Promise<Spool> {
  const dir = await mkdtemp(join(tmpdir(), 'xinyong-upload-'));
  const path = join(dir, 'upload');
  let file: FileHandle | undefined;
  let removed = false;
  const removeDir = async (): Promise<void> => {
    if (removed) return;
    await rm(dir, { recursive: true, force: true });
    removed = true;
  };
  try {
    file = await open(path, 'w+', 0o600);
    let size = 0;
    for await (const chunk of chunks) {
      let written = 0;
      while (written < chunk.length) {
        const { bytesWritten } = await file.write(chunk, written, chunk.length - written, size + written);
        written += bytesWritten;
      }
      size += chunk.length;
    }
    try {
      await removeDir();
    } catch {
      // Windows cannot delete an open file: dispose() retries after closing it.
    }
    const handle = file;
    let closed = false;
    return {
      file: handle,
      size,
      async dispose(): Promise<void> {
        if (!closed) {
          closed = true;
          await handle.close();
        }
        await removeDir();
      },
    };
  } catch (error) {
    await file?.close().catch(() => undefined);
    await removeDir().catch(() => undefined);
    throw error;
  }
}

/** Reads exactly `length` bytes at `position` (fewer only at the end of the file). */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

/**
 * Streams bytes [start, end) of the file. Not FileHandle.createReadStream: destroying one of those
 * closes the shared handle (even with autoClose: false), and several parts are read from one handle.
 */
export async function* readRange(file: FileHandle, start: number, end: number, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
  let position = start;
  while (position < end) {
    const length = Math.min(chunkSize, end - position);
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
  }
}

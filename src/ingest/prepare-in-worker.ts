import { Worker } from 'node:worker_threads';
import { AppError, findErrorDefinition, type ErrorParams } from '../kernel/errors.js';
import type { FieldCrypto } from '../kernel/field-crypto.js';
import type { PrepareOptions, PreparedChunk, PrepareSummary } from './prepare-rows.js';

/** What the worker starts with. */
export interface WorkerData {
  options: Omit<PrepareOptions, 'cooperative'>;
  masterKey: Uint8Array;
}

export type FromMain = { type: 'data'; bytes: Uint8Array } | { type: 'end' } | { type: 'ack' };

type FromWorker =
  | { type: 'pull' }
  | { type: 'chunk'; chunk: PreparedChunk }
  | { type: 'done'; summary: PrepareSummary }
  | { type: 'error'; error: { code: string; params: ErrorParams; details: unknown } | { message: string; stack?: string } };

/** Input buffers the main thread may send ahead of the worker's parser. */
const INPUT_CREDITS = 8;

/**
 * prepareRows in a worker thread: the main thread only forwards the file's bytes and receives
 * prepared chunks, so it stays free to drive the database while the worker parses and validates the
 * next chunk — on a 2-core machine, parsing and PostgreSQL then run side by side. Errors arrive as the
 * same AppError the in-thread path throws.
 */
export async function* prepareInWorker(
  stream: AsyncIterable<Buffer>,
  options: Omit<PrepareOptions, 'cooperative'>,
  fieldCrypto: FieldCrypto,
): AsyncGenerator<PreparedChunk, PrepareSummary> {
  const workerData: WorkerData = { options, masterKey: fieldCrypto.exportMasterKey() };
  // A large young generation, as for the main process (bin/xinyong.js): the worker allocates many
  // short-lived strings per row.
  const worker = new Worker(new URL('./prepare-worker-entry.js', import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
  const inbox: FromWorker[] = [];
  let failure: unknown;
  let finished = false;
  let wake: (() => void) | undefined;
  let credits = INPUT_CREDITS;
  let creditWake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    creditWake?.();
  };

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'pull') {
      credits += 1;
      creditWake?.();
    } else {
      inbox.push(message);
      wake?.();
    }
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`the ingest worker stopped unexpectedly (exit code ${code})`);
    notify();
  });

  const pump = async () => {
    for await (const chunk of stream) {
      while (credits === 0 && !finished && failure === undefined) await new Promise<void>((resolve) => (creditWake = resolve));
      if (finished || failure !== undefined) return;
      credits -= 1;
      // A copy of just this view (a stream's Buffer may share a larger pool), moved to the worker.
      const bytes = new Uint8Array(chunk);
      worker.postMessage({ type: 'data', bytes } satisfies FromMain, [bytes.buffer]);
    }
    worker.postMessage({ type: 'end' } satisfies FromMain);
  };
  pump().catch((error: unknown) => {
    failure ??= error;
    notify();
  });

  try {
    for (;;) {
      while (inbox.length === 0 && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (message === undefined) throw failure;
      if (message.type === 'chunk') {
        const { tails } = message.chunk;
        // A Buffer crosses threads as a plain Uint8Array.
        yield { ...message.chunk, tails: Buffer.from(tails.buffer, tails.byteOffset, tails.byteLength) };
        worker.postMessage({ type: 'ack' } satisfies FromMain);
      } else if (message.type === 'done') {
        return message.summary;
      } else if (message.type === 'error') {
        throw revive(message.error);
      }
    }
  } finally {
    finished = true;
    notify();
    await worker.terminate();
  }
}

function revive(error: Extract<FromWorker, { type: 'error' }>['error']): Error {
  if ('code' in error) {
    const def = findErrorDefinition(error.code);
    if (def) return new AppError(def, error.params, error.details);
  }
  const out = new Error('message' in error ? error.message : error.code);
  if ('stack' in error && error.stack) out.stack = error.stack;
  return out;
}

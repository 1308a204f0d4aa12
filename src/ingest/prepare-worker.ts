import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../kernel/errors.js';
import { FieldCrypto } from '../kernel/field-crypto.js';
import { prepareRows, type PrepareOptions } from './prepare-rows.js';
import type { FromMain, WorkerData } from './prepare-in-worker.js';

/**
 * The worker thread of a large batch: receives the file's bytes from the main thread, runs
 * prepareRows on them and posts each prepared chunk back, at most two chunks ahead of the merge.
 */
const port = parentPort;
if (!port) throw new Error('prepare-worker must run in a worker thread');
const data = workerData as WorkerData;
const options: PrepareOptions = { ...data.options, cooperative: false };
const fieldCrypto = new FieldCrypto(Buffer.from(data.masterKey));

const input: (Buffer | null)[] = [];
let inputWaiter: (() => void) | undefined;
let acknowledged = 0;
let ackWaiter: (() => void) | undefined;

port.on('message', (message: FromMain) => {
  if (message.type === 'data') input.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
  else if (message.type === 'end') input.push(null);
  else if (message.type === 'ack') {
    acknowledged += 1;
    ackWaiter?.();
    return;
  }
  inputWaiter?.();
});

async function* bytes(): AsyncGenerator<Buffer> {
  for (;;) {
    while (input.length === 0) await new Promise<void>((resolve) => (inputWaiter = resolve));
    const next = input.shift() as Buffer | null;
    if (next === null) return;
    port?.postMessage({ type: 'pull' });
    yield next;
  }
}

async function run(): Promise<void> {
  let sent = 0;
  try {
    const chunks = prepareRows(bytes(), options, fieldCrypto);
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        port?.postMessage({ type: 'done', summary: next.value });
        return;
      }
      while (sent - acknowledged >= 2) await new Promise<void>((resolve) => (ackWaiter = resolve));
      // The record bytes move to the main thread without a copy.
      port?.postMessage({ type: 'chunk', chunk: next.value }, [next.value.tails.buffer as ArrayBuffer]);
      sent += 1;
    }
  } catch (error) {
    port?.postMessage({
      type: 'error',
      error:
        error instanceof AppError
          ? { code: error.code, params: error.params, details: error.details }
          : { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    });
  }
}

void run();

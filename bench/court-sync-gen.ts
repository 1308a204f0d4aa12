import { parentPort, workerData } from 'node:worker_threads';
import { copyCell } from '../src/db/database.js';
import { courtFeedJsonLine, courtFeedRow } from '../src/demo/court-feed.js';
import { FieldCrypto } from '../src/kernel/field-crypto.js';
import { rawLineHash } from '../src/lists/court-feed-bytes.js';
import { checkCourtRow, COURT_FEED_FIELDS, courtContentHash } from '../src/lists/court-feed.js';

/**
 * The court-sync benchmark's generator, run in worker threads: for a block of listing indexes, the
 * current list's COPY lines (list_entries, court_listings — with the content and raw hashes the last
 * sync of those rows would have stored) and the snapshot's JSON Lines text (0.5% of the listings left
 * out: revoked; 1% changed; indexes from `entries` on: new listings).
 */

export interface GenOptions {
  masterKey: Uint8Array;
  seed: number;
  entries: number;
  subjects: number;
  listTypeId: number;
  now: string;
  /** The mirror without raw hashes, as the first sync after migration 0011 finds it. */
  cold: boolean;
}

export interface GenBlock {
  block: number;
  entries: string;
  mirror: string;
  file: string;
  changed: number;
  revoked: number;
  added: number;
}

export function generator(options: GenOptions): (block: number, from: number, to: number) => GenBlock {
  const crypto = new FieldCrypto(Buffer.from(options.masterKey));
  const { seed, entries, subjects, listTypeId, now, cold } = options;
  return (block, from, to) => {
    let entryText = '';
    let mirrorText = '';
    let file = '';
    let changed = 0;
    let revoked = 0;
    let added = 0;
    for (let i = from; i < to; i++) {
      const row = courtFeedRow(seed, i);
      if (i >= entries) {
        added++;
        file += courtFeedJsonLine(row);
        continue;
      }
      const checked = checkCourtRow({ rowNo: i + 1, values: COURT_FEED_FIELDS.map((field) => row[field]), op: '' }, false);
      if (!checked.ok) throw new Error(`generated row ${i} refused: ${checked.def.code}`);
      const line = courtFeedJsonLine(row);
      const bytes = Buffer.from(line, 'utf8');
      const raw = rawLineHash(crypto, bytes, 0, bytes.length - 1);
      const hash = courtContentHash(crypto, checked.values);
      const caseCode = copyCell(row.caseCode);
      entryText += `${i + 1}\t${listTypeId}\t${(i % subjects) + 1}\tactive\tcourt_sync\t${caseCode}\t${row.regDate}\t${row.publishDate}\t失信被执行人\t${hash}\t${now}\t${now}\n`;
      mirrorText += `${caseCode}\t${hash}\t${cold ? '\\N' : raw}\t${i + 1}\t${now}\n`;
      if (i % 200 === 7) revoked++;
      else if (i % 100 === 3) {
        changed++;
        file += courtFeedJsonLine(courtFeedRow(seed, i, 1));
      } else file += line;
    }
    return { block, entries: entryText, mirror: mirrorText, file, changed, revoked, added };
  };
}

// As a worker: generate the blocks the main thread asks for.
if (parentPort && workerData) {
  const port = parentPort;
  const generate = generator(workerData as GenOptions);
  port.on('message', (job: { block: number; from: number; to: number }) => port.postMessage(generate(job.block, job.from, job.to)));
}

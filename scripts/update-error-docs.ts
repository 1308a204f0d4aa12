// Adds every code of the error catalogue (every module's defineErrors) missing from the error table of
// docs/ERRORS.md, in code order; rows already there (often with a longer explanation) are kept. Run: npx tsx scripts/update-error-docs.ts
import fs from 'node:fs';
import '../src/http/build-server.js';
import { allErrorDefinitions } from '../src/kernel/errors.js';

const file = new URL('../docs/ERRORS.md', import.meta.url);
const doc = fs.readFileSync(file, 'utf8');
const header = '| code | HTTP | message (Chinese template) |\n|---|---|---|\n';
const start = doc.indexOf(header);
if (start < 0) throw new Error('docs/ERRORS.md: error table header not found');
const bodyStart = start + header.length;
const end = doc.indexOf('\n\n', bodyStart);
const existing = new Map(
  doc
    .slice(bodyStart, end)
    .split('\n')
    .map((row) => [/^\| `([A-Z0-9_]+)`/.exec(row)?.[1] ?? row, row] as const),
);
const rows = allErrorDefinitions().map(
  (def) => existing.get(def.code) ?? `| \`${def.code}\` | ${def.status} | ${def.zh.replace(/\|/g, '\\|')} |`,
);
fs.writeFileSync(file, doc.slice(0, bodyStart) + rows.join('\n') + doc.slice(end));
console.log(`${rows.length} error codes`);

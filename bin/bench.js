#!/usr/bin/env -S node --max-semi-space-size=64
// `npm run bench -- NAME [options]`: runs bench/NAME.ts, which prints one JSON line of figures.
// A larger young generation: ingest allocates many short-lived strings per row, and the default
// semi-space makes V8 spend a third of the time collecting them (measured on the ingest benchmark).
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('../bench/run.ts');
await runBench(process.argv.slice(2));

#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point of the `xinyong` command: runs the TypeScript sources through tsx.
// A larger young generation: ingest allocates many short-lived strings per row, and the default
// semi-space makes V8 spend a third of the time collecting them (measured on the ingest benchmark).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/app/cli.ts');
await main(process.argv);

#!/usr/bin/env node
// `npm run bench -- NAME [options]`: runs bench/NAME.ts, which prints one JSON line of figures.
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('../bench/run.ts');
await runBench(process.argv.slice(2));

#!/usr/bin/env node
// Entry point of the `xinyong` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/app/cli.ts');
await main(process.argv);

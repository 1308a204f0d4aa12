// Worker threads do not inherit the TypeScript loader: register tsx, then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');

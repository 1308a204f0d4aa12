// Worker entry of the court-sync benchmark's generator: workers do not inherit the main thread's tsx
// hooks, so this registers them and loads the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./court-sync-gen.ts');

// Worker-thread entry: plain JavaScript that registers the TypeScript loader, then runs roster-worker.ts.
// (Node 20 does not apply --import loaders from a worker's execArgv.)
import { register } from 'tsx/esm/api';

register();
await import('./roster-worker.ts');

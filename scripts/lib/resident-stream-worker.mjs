// Entry of the resident generator's worker thread: tsx's loader is registered per thread, so the
// worker registers it before loading the TypeScript that does the work.
import { register } from 'tsx/esm/api';

register();
await import('./resident-stream-generator.ts');

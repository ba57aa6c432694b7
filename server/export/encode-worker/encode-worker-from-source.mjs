// Encoding-thread bootstrap when Aula runs from its TypeScript sources: registers tsx in this thread, then loads the
// entry. (Built code starts export-encode-worker.js next to the bundle directly.)
import { register } from 'tsx/esm/api';

register();
await import('./encode-worker-entry.ts');

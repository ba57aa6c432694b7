// Import-thread bootstrap when Aula runs from its TypeScript sources: registers tsx in this thread, then loads the
// entry. (Built code starts import-worker.js next to the bundle directly.)
import { register } from 'tsx/esm/api';

register();
await import('./import-entry.ts');

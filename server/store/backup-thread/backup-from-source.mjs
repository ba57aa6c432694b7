// Backup thread bootstrap when Aula runs from its TypeScript sources: registers tsx in this thread, then loads the
// entry. (Built code starts backup-worker.js directly.)
import { register } from 'tsx/esm/api';

register();
await import('./backup-entry.ts');

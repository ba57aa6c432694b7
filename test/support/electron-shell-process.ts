// main/index.ts against the stand-in Electron in a process of its own (electron-shell.ts runs it in the test's): the
// app logs to standard error with a synchronous write to its descriptor, which only a parent process can read. The
// system's languages come from AULA_TEST_SYSTEM_LANGUAGES (comma-separated); every dialog is answered with its cancel
// button. When the app exits, standard output gets what it showed: { dialogs, exits } as JSON.
import { fakeElectron, startShell, until } from './electron-shell.js';

const electron = await fakeElectron();
electron.fake.systemLanguages = (process.env.AULA_TEST_SYSTEM_LANGUAGES ?? 'en-US').split(',');
electron.fake.locale = electron.fake.systemLanguages[0] ?? 'en-US';
await startShell();
await until('the exit', () => electron.fake.exits.length > 0);
process.stdout.write(JSON.stringify({ dialogs: electron.fake.dialogs, exits: electron.fake.exits }));
process.exit(0);

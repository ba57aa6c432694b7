import type { StartProblem } from './server-host.js';

/** What the teacher can do about a collector that did not start. */
export type ProblemAction =
  | { kind: 'use-port'; port: number }
  | { kind: 'show-data-folder' }
  | { kind: 'choose-data-folder' }
  | { kind: 'retry' }
  | { kind: 'quit' };

export interface ProblemDialog {
  title: string;
  message: string;
  detail: string;
  buttons: Array<{ label: string; action: ProblemAction }>;
  /** Index of the button Escape / closing the box means. */
  cancelId: number;
}

/**
 * The error window's content, kept apart from Electron's dialog so its wording and choices are tested.
 * `freePort` is the port to offer when the usual one is busy (see findFreePort).
 */
export function problemDialog(problem: StartProblem, context: { dataDir: string; freePort?: number }): ProblemDialog {
  const quit = { label: 'Quit', action: { kind: 'quit' } } as const;
  const showFolder = { label: 'Show data folder', action: { kind: 'show-data-folder' } } as const;
  switch (problem.kind) {
    case 'port-taken':
    case 'port-refused': {
      const buttons: ProblemDialog['buttons'] = [];
      if (context.freePort !== undefined) {
        buttons.push({ label: `Use port ${context.freePort}`, action: { kind: 'use-port', port: context.freePort } });
      }
      buttons.push({ label: 'Try again', action: { kind: 'retry' } }, quit);
      return {
        title: 'Aula cannot start the collector',
        message: problem.message,
        detail:
          `Games were set up to send their data to port ${problem.port}. ` +
          'Close the other program (perhaps another copy of the collector) and try again' +
          (context.freePort === undefined
            ? '.'
            : `, or use port ${context.freePort} and change the collector address in the games.`),
        buttons,
        cancelId: buttons.length - 1,
      };
    }
    case 'database':
      return {
        title: 'Aula cannot open its data',
        message: problem.message,
        detail: `Data folder: ${problem.dataDir}\nChoose another folder, or check that this one can be written to.`,
        buttons: [showFolder, { label: 'Choose another data folder…', action: { kind: 'choose-data-folder' } }, quit],
        cancelId: 2,
      };
    case 'in-use':
      return {
        title: 'Aula is already running on this data folder',
        message: problem.message,
        detail: `Data folder: ${problem.dataDir}\nStop the other one (a terminal running aula serve, a service, or Aula in another user session), then try again.`,
        buttons: [{ label: 'Try again', action: { kind: 'retry' } }, { label: 'Choose another data folder…', action: { kind: 'choose-data-folder' } }, quit],
        cancelId: 2,
      };
    case 'config': {
      // Try again would read the same environment: only a change where Aula is started from helps.
      const { variables } = problem;
      const named = variables.length === 1 ? `${variables[0]} is` : `${variables.join(' and ')} are`;
      return {
        title: 'Aula cannot start: a setting is not valid',
        message: problem.message,
        detail:
          variables.length > 0
            ? `${named} set in the environment Aula is started from: a desktop shortcut or launcher, a service file, ` +
              "or the user's environment variables (a shell profile, or Windows' Environment Variables settings). " +
              `Correct ${variables.length === 1 ? 'it' : 'them'} there, or remove ${variables.length === 1 ? 'it' : 'them'} to use the default, then start Aula again.`
            : 'Correct the setting in that file, or delete the file to use the defaults, then start Aula again.',
        buttons: [quit],
        cancelId: 0,
      };
    }
    case 'timeout':
    case 'other':
      return {
        title: 'Aula cannot start the collector',
        message: problem.message,
        detail: `Data folder: ${context.dataDir}`,
        buttons: [{ label: 'Try again', action: { kind: 'retry' } }, showFolder, quit],
        cancelId: 2,
      };
  }
}

/**
 * The warning before the collector starts with the default settings because the saved ones could not be used: games
 * set up for another port would otherwise stop reaching it without a word (the log is not where a teacher looks).
 */
export function settingsProblemDialog(problem: string): { title: string; message: string; detail: string; buttons: string[] } {
  return {
    title: "Aula's saved settings could not be used",
    message: problem,
    detail:
      'Aula starts with its default settings: port 3000, open to the classroom network, data in the usual folder. ' +
      'Set them again in the dashboard (Settings), or correct the file, then restart Aula. The file is left as it is.',
    buttons: ['OK'],
  };
}

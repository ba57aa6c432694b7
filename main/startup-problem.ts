import { t } from './i18n/setup.js';
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

/** "AULA_PORT and AULA_HOST", in the app's language. */
function namesOf(variables: readonly string[]): string {
  const last = variables.at(-1) ?? '';
  if (variables.length < 2) return last;
  return `${variables.slice(0, -1).join(t('startup.config.between'))}${t('startup.config.beforeLast')}${last}`;
}

/**
 * The error window's content, kept apart from Electron's dialog so its wording and choices are tested.
 * `freePort` is the port to offer when the usual one is busy (see findFreePort). The problem's message is shown as
 * it was worded where it happened; the title, explanation and buttons are in the app's language.
 */
export function problemDialog(problem: StartProblem, context: { dataDir: string; freePort?: number }): ProblemDialog {
  const quit = { label: t('startup.quit'), action: { kind: 'quit' } } as const;
  const tryAgain = { label: t('startup.tryAgain'), action: { kind: 'retry' } } as const;
  const showFolder = { label: t('startup.showDataFolder'), action: { kind: 'show-data-folder' } } as const;
  const chooseFolder = { label: t('startup.chooseDataFolder'), action: { kind: 'choose-data-folder' } } as const;
  switch (problem.kind) {
    case 'port-taken':
    case 'port-refused': {
      const buttons: ProblemDialog['buttons'] = [];
      if (context.freePort !== undefined) {
        buttons.push({ label: t('startup.usePort', { port: context.freePort }), action: { kind: 'use-port', port: context.freePort } });
      }
      buttons.push(tryAgain, quit);
      return {
        title: t('startup.collector.title'),
        message: problem.message,
        detail:
          context.freePort === undefined
            ? t('startup.port.detail', { port: problem.port })
            : t('startup.port.detailWithFreePort', { port: problem.port, freePort: context.freePort }),
        buttons,
        cancelId: buttons.length - 1,
      };
    }
    case 'database':
      return {
        title: t('startup.database.title'),
        message: problem.message,
        detail: t('startup.database.detail', { dataDir: problem.dataDir }),
        buttons: [showFolder, chooseFolder, quit],
        cancelId: 2,
      };
    case 'in-use':
      return {
        title: t('startup.inUse.title'),
        message: problem.message,
        detail: t('startup.inUse.detail', { dataDir: problem.dataDir }),
        buttons: [tryAgain, chooseFolder, quit],
        cancelId: 2,
      };
    case 'config': {
      // Try again would read the same environment: only a change where Aula is started from helps.
      const { variables } = problem;
      return {
        title: t('startup.config.title'),
        message: problem.message,
        detail:
          variables.length > 0
            ? t('startup.config.variables', { variables: namesOf(variables), count: variables.length })
            : t('startup.config.file'),
        buttons: [quit],
        cancelId: 0,
      };
    }
    case 'timeout':
    case 'other':
      return {
        title: t('startup.collector.title'),
        message: problem.message,
        detail: t('startup.dataFolder', { dataDir: context.dataDir }),
        buttons: [tryAgain, showFolder, quit],
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
    title: t('savedSettings.title'),
    message: problem,
    detail: t('savedSettings.detail'),
    buttons: [t('savedSettings.ok')],
  };
}

/** A choice made in a start-up window (a port, a data folder) that could not be saved: used for this run all the same. */
export function settingNotSavedDialog(problem: string): { title: string; message: string; detail: string; buttons: string[] } {
  return {
    title: t('savedSettings.notSavedTitle'),
    message: problem,
    detail: t('savedSettings.notSavedDetail'),
    buttons: [t('savedSettings.ok')],
  };
}

/** The title of the last-resort box, when the app failed before it could show any of the windows above. */
export function cannotStartTitle(): string {
  return t('startup.cannotStart');
}

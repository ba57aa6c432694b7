import type { Language } from './languages';

/** The part of the desktop app's `window.aula` (main/preload-api.ts) that hears the teacher's language choice. */
interface LanguageApi {
  setLanguage(language: string): Promise<void>;
}

/**
 * Tells the desktop app (absent in a plain browser) the language the teacher chose, so that its tray menu and
 * dialogs read as the dashboard does rather than in the system's language. Only a choice is told: without one the
 * dashboard follows the browser's languages, which Electron takes from the system, as the app's menus already do.
 */
export function tellDesktopLanguage(language: Language): void {
  const aula = (window as unknown as { aula?: Partial<LanguageApi> }).aula;
  if (typeof aula?.setLanguage !== 'function') return;
  // The menus' wording is not worth an error on the dashboard: an app too old for it just keeps its own.
  aula.setLanguage(language).catch(() => {});
}

/**
 * The part of the desktop app's `window.aula` (main/preload-api.ts) the Desktop app card uses, declared here because
 * the renderer never imports main/. Absent in a plain browser: the card is not shown there.
 */
export interface DesktopSettingsValues {
  port: number;
  /** true: games on the classroom network can connect; false: only this computer. */
  exposeOnLan: boolean;
  dataDir: string;
}

export interface DesktopSettingsView {
  /** What the next start will use. */
  saved: DesktopSettingsValues;
  /** What the running collector uses. */
  running: DesktopSettingsValues;
  restartRequired: boolean;
  /** Settings the environment decides for this run (`port: 'AULA_PORT'`); absent from an older app. */
  overriddenBy?: Partial<Record<'port' | 'exposeOnLan', string>>;
}

export interface DesktopAppApi {
  appVersion(): Promise<string>;
  getSettings(): Promise<DesktopSettingsView>;
  updateSettings(patch: Partial<{ port: number; exposeOnLan: boolean }>): Promise<DesktopSettingsView>;
  chooseDataFolder(): Promise<{ chosen: true; dataDir: string; restartRequired: boolean } | { chosen: false }>;
  openDataFolder(): Promise<void>;
  relaunch(): Promise<void>;
}

const METHODS = ['appVersion', 'getSettings', 'updateSettings', 'chooseDataFolder', 'openDataFolder', 'relaunch'] as const;

/** The app's settings API when the dashboard runs inside the desktop app, else undefined. */
export function desktopAppApi(): DesktopAppApi | undefined {
  const aula = (window as unknown as { aula?: Partial<DesktopAppApi> }).aula;
  if (!aula || !METHODS.every((method) => typeof aula[method] === 'function')) return undefined;
  return aula as DesktopAppApi;
}

/**
 * What the app said went wrong, without the wrapping Electron adds to an error thrown in the main process
 * ("Error invoking remote method 'aula:update-settings': Error: …").
 */
export function appErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^[A-Za-z]*Error:\s*/, '');
}

/** A port as the settings take it: a whole number from 1 to 65535, typed without anything else. */
export function parsePort(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : undefined;
}

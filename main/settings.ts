import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ConfigInput } from '../server/config.js';
import { PRIVATE_FOLDER_MODE } from '../server/store/open-database.js';
import { LANGUAGES, type Language } from './i18n/languages.js';
import { type DesktopKey, type Word, wordedTwice } from './i18n/setup.js';

/**
 * The desktop app's own settings. They live in the default per-user folder (Electron's userData, the same folder
 * `defaultDataDir()` gives the CLI) rather than in the chosen data folder, because one of them says where the data
 * folder is. They are read once at start: a change takes effect on the next launch.
 */
export const SETTINGS_FILE = 'desktop-settings.json';

function languageSchema() {
  return z.enum(LANGUAGES.map((language) => language.code) as [Language, ...Language[]]);
}

export const desktopSettingsSchema = z.object({
  /** The port games were set up for; 3000 is where the trackers' A2 used to be. */
  port: z.number().int().min(1).max(65535).default(3000),
  /** true: games on the classroom network can connect; false: only this computer (no LAN exposure). */
  exposeOnLan: z.boolean().default(true),
  /** Unset: the default per-user folder. */
  dataDir: z.string().min(1).optional(),
  /** The dashboard's language as the teacher chose it there; unset: the system's. The menus and dialogs follow it. */
  language: languageSchema().optional(),
});

export const settingsPatchSchema = z
  .object({
    port: z.number().int().min(1).max(65535),
    exposeOnLan: z.boolean(),
    // A whole path, as the app's folder dialog gives: a relative one would depend on where the app was started from.
    dataDir: z.string().min(1).refine(path.isAbsolute, 'must be a whole path').nullable(),
    language: languageSchema(),
  })
  .partial()
  .strict();

export type DesktopSettings = z.output<typeof desktopSettingsSchema>;

/** What each saved setting must be, to say which one a hand-edited file got wrong (main/i18n words it). */
const SETTING_EXPECTED: Record<keyof DesktopSettings, DesktopKey> = {
  port: 'savedSettings.expected.port',
  exposeOnLan: 'savedSettings.expected.exposeOnLan',
  dataDir: 'savedSettings.expected.dataDir',
  language: 'savedSettings.expected.language',
};
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export interface LoadedSettings {
  settings: DesktopSettings;
  /** Set when the file existed but could not be used; the defaults apply and the file is left for the teacher. */
  problem?: string;
  /** The same problem in English, for the log (support reads English logs); set with problem. */
  problemInEnglish?: string;
}

/** The defaults, and why the saved file was not used: in the app's language (the dialog) and in English (the log). */
function defaultsBecause(phrase: (word: Word) => string): LoadedSettings {
  const { message, english } = wordedTwice(phrase);
  return { settings: desktopSettingsSchema.parse({}), problem: message, problemInEnglish: english };
}

export function settingsPath(homeDir: string): string {
  return path.join(homeDir, SETTINGS_FILE);
}

export function loadSettings(homeDir: string): LoadedSettings {
  const file = settingsPath(homeDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: desktopSettingsSchema.parse({}) };
    const detail = (error as Error).message;
    return defaultsBecause((word) => word('savedSettings.cannotRead', { file, detail }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return defaultsBecause((word) => word('savedSettings.notJson', { file }));
  }
  const parsed = desktopSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const values = json as Record<string, unknown>;
    const which = (word: Word) =>
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const expected = Object.hasOwn(SETTING_EXPECTED, key) ? word(SETTING_EXPECTED[key as keyof DesktopSettings]) : issue.message;
        return word('savedSettings.invalidValue', { key, value: String(JSON.stringify(values?.[key])), expected });
      });
    return defaultsBecause((word) => word('savedSettings.invalid', { file, which: which(word).join('; ') }));
  }
  return { settings: parsed.data };
}

/**
 * A change that was not saved, worded in the app's language (message, for the window) and in English (for the log).
 * The file is left as it was.
 */
export class SettingsNotSavedError extends Error {
  readonly english: string;
  constructor(worded: { message: string; english: string }) {
    super(worded.message);
    this.name = 'SettingsNotSavedError';
    this.english = worded.english;
  }
}

function notSaved(phrase: (word: Word) => string): SettingsNotSavedError {
  return new SettingsNotSavedError(wordedTwice((word) => word('savedSettings.notSaved', { problem: phrase(word) })));
}

/** The file's values as written, invalid ones included; {} when there is none yet. */
function savedValues(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    const detail = (error as Error).message;
    throw notSaved((word) => word('savedSettings.cannotRead', { file, detail }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw notSaved((word) => word('savedSettings.notSettings', { file }));
  }
  return json as Record<string, unknown>;
}

/** Each saved value the app can use, the default for each it cannot: what this run goes on with after a change. */
function usableValues(values: Record<string, unknown>): DesktopSettings {
  const usable: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(desktopSettingsSchema.shape)) {
    if (schema.safeParse(values[key]).success) usable[key] = values[key];
  }
  return desktopSettingsSchema.parse(usable);
}

/**
 * Validates a change and writes it into the file atomically (rename), changing only the settings it sets: every other
 * value stays exactly as the teacher (or a hand edit) left it, even one Aula cannot take, which keeps being reported
 * at each start until it is set again. A file that is not JSON settings at all is not replaced by a new one (it would
 * lose what it held): SettingsNotSavedError says so, as it says when the file cannot be written.
 */
export function updateSettings(homeDir: string, patch: unknown): DesktopSettings {
  const change = settingsPatchSchema.parse(patch);
  const file = settingsPath(homeDir);
  const next = { ...savedValues(file) };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Private as the data folder Aula creates there would be (it is the default one).
    fs.mkdirSync(homeDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    fs.writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
    fs.renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    const detail = (error as Error).message;
    throw notSaved((word) => word('savedSettings.cannotWrite', { file, detail }));
  }
  return usableValues(next);
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was written there, or it is not ours to remove.
  }
}

export function resolvedDataDir(settings: DesktopSettings, homeDir: string): string {
  // Normalised: a hand-edited final slash or ".." is the folder it names, or the saved and running folders never
  // compare equal and the dashboard asks for a restart for good.
  return path.resolve(settings.dataDir ?? homeDir);
}

/** The collector configuration the desktop app runs with: the same schema `aula serve` fills from its flags. */
export function collectorConfig(
  settings: DesktopSettings,
  options: { homeDir: string; dashboardDir: string; logLevel?: ConfigInput['logLevel'] },
): ConfigInput {
  return {
    dataDir: resolvedDataDir(settings, options.homeDir),
    host: settings.exposeOnLan ? '0.0.0.0' : '127.0.0.1',
    port: settings.port,
    dashboardDir: options.dashboardDir,
    logLevel: options.logLevel ?? 'info',
  };
}

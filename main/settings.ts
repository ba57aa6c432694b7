import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ConfigInput } from '../server/config.js';
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
    dataDir: z.string().min(1).nullable(),
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

/** Validates a change, merges it into what is on disk and writes the whole file atomically (rename). */
export function updateSettings(homeDir: string, patch: unknown): DesktopSettings {
  const change = settingsPatchSchema.parse(patch);
  const { dataDir, ...rest } = change;
  const current = loadSettings(homeDir).settings;
  const next: DesktopSettings = desktopSettingsSchema.parse({
    ...current,
    ...rest,
    dataDir: dataDir === null ? undefined : (dataDir ?? current.dataDir),
  });
  fs.mkdirSync(homeDir, { recursive: true });
  const file = settingsPath(homeDir);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(next, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return next;
}

export function resolvedDataDir(settings: DesktopSettings, homeDir: string): string {
  return settings.dataDir ?? homeDir;
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

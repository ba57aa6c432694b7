import { type ConfigInput, configSchema, LOG_LEVELS } from './config.js';

/** The environment variable of each setting configFromEnv reads, to name the one that was wrong. */
export const CONFIG_VARIABLES: Partial<Record<keyof ConfigInput, string>> = {
  host: 'AULA_HOST',
  port: 'AULA_PORT',
  homePage: 'AULA_HOME_PAGE',
  mdnsName: 'AULA_MDNS_NAME',
  logLevel: 'AULA_LOG_LEVEL',
  loginFailuresPerUsername: 'AULA_LOGIN_FAILURES',
  loginFailuresPerAddress: 'AULA_LOGIN_FAILURES_PER_ADDRESS',
  loginFailureWindowMinutes: 'AULA_LOGIN_WINDOW_MINUTES',
  refusalsKeptDays: 'AULA_REFUSALS_KEPT_DAYS',
  xapiAttachmentBytesPerActivity: 'AULA_XAPI_ATTACHMENTS_MB',
};

/** What each setting must be, in the words of the one who set it (not zod's). */
export const CONFIG_EXPECTED: Partial<Record<keyof ConfigInput, string>> = {
  port: 'must be a number from 0 to 65535',
  homePage: 'must be an http:// or https:// address, such as https://my-project.example.org/',
  mdnsName: 'must be a host name such as "aula" (letters, digits and dashes)',
  logLevel: `must be one of ${LOG_LEVELS.join(', ')}`,
  loginFailuresPerUsername: 'must be a whole number above 0',
  loginFailuresPerAddress: 'must be a whole number above 0',
  loginFailureWindowMinutes: 'must be a number of minutes above 0, at most 1440',
  refusalsKeptDays: 'must be a number of days above 0, at most 3650',
  xapiAttachmentBytesPerActivity: 'must be a whole number of MiB, 0 or more',
};

/**
 * Digits only: Number() would take "" and " " as 0 (any free port, while games are set up for a fixed one), "0x10" as
 * 16 and "3e3" as 3000. NaN for anything else, which the schema then refuses with the value given.
 */
export function strictPortNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Where a setting came from, to quote it back: `AULA_PORT` and what it held, `--port` and what was typed. */
export interface GivenSetting {
  name: string;
  value: string;
}

/**
 * One clause per setting the schema refuses, naming where it came from, what it must be and the value given:
 * `AULA_PORT must be a number from 0 to 65535, not "30OO"`. Empty when the configuration is valid. `aula serve` and
 * the desktop app say the same thing.
 */
export function configProblems(input: ConfigInput, givenAs: (key: keyof ConfigInput) => GivenSetting): string[] {
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const key = issue.path[0] as keyof ConfigInput;
    const { name, value } = givenAs(key);
    return `${name} ${CONFIG_EXPECTED[key] ?? issue.message}, not "${value}"`;
  });
}

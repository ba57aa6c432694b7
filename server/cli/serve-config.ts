import { type ConfigInput, configFromEnv, configSchema, LOG_LEVELS } from '../config.js';
import { defaultDashboardDir } from './dashboard-dir.js';
import { resolveDataDir } from './open-data.js';
import { CliError } from './output.js';

export interface ServeOptions {
  dataDir?: string;
  host?: string;
  port?: string;
  homePage?: string;
  mdnsName?: string;
  mdns?: boolean;
}

/** The flag and the environment variable of each setting `aula serve` takes, to name the one that was wrong. */
const SOURCES: Partial<Record<keyof ConfigInput, { flag?: keyof ServeOptions & string; flagName?: string; env: string }>> = {
  host: { flag: 'host', flagName: '--host', env: 'AULA_HOST' },
  port: { flag: 'port', flagName: '--port', env: 'AULA_PORT' },
  homePage: { flag: 'homePage', flagName: '--home-page', env: 'AULA_HOME_PAGE' },
  mdnsName: { flag: 'mdnsName', flagName: '--mdns-name', env: 'AULA_MDNS_NAME' },
  logLevel: { env: 'AULA_LOG_LEVEL' },
  loginFailuresPerUsername: { env: 'AULA_LOGIN_FAILURES' },
  loginFailuresPerAddress: { env: 'AULA_LOGIN_FAILURES_PER_ADDRESS' },
  loginFailureWindowMinutes: { env: 'AULA_LOGIN_WINDOW_MINUTES' },
  refusalsKeptDays: { env: 'AULA_REFUSALS_KEPT_DAYS' },
};

/** What the user gave for a setting (a flag wins over its environment variable), to quote it back. */
function givenAs(key: keyof ConfigInput, options: ServeOptions, env: NodeJS.ProcessEnv): { name: string; value: string } {
  const source = SOURCES[key];
  if (!source) return { name: key, value: '' };
  const fromFlag = source.flag ? options[source.flag] : undefined;
  if (typeof fromFlag === 'string' && source.flagName) return { name: source.flagName, value: fromFlag };
  return { name: source.env, value: env[source.env] ?? '' };
}

const EXPECTED: Partial<Record<keyof ConfigInput, string>> = {
  port: 'must be a number from 0 to 65535',
  homePage: 'must be an http:// or https:// address, such as https://my-project.example.org/',
  mdnsName: 'must be a host name such as "aula" (letters, digits and dashes)',
  logLevel: `must be one of ${LOG_LEVELS.join(', ')}`,
  loginFailuresPerUsername: 'must be a whole number above 0',
  loginFailuresPerAddress: 'must be a whole number above 0',
  loginFailureWindowMinutes: 'must be a number of minutes above 0, at most 1440',
  refusalsKeptDays: 'must be a number of days above 0, at most 3650',
};

/**
 * Digits only: Number() would take "" and " " as 0 (any free port, while games are set up for a fixed one), "0x10" as
 * 16 and "3e3" as 3000. NaN for anything else, which the schema then refuses with the value given.
 */
function portNumber(options: ServeOptions, env: NodeJS.ProcessEnv): number {
  if (options.port === undefined && !env.AULA_PORT) return 3000;
  const text = givenAs('port', options, env).value.trim();
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * `aula serve`'s configuration: flags over environment variables over defaults (the settings kept in the database,
 * such as the dashboard's LAN-name switch, apply after this). Anything wrong is refused before the data folder is
 * touched, in one line naming the flag or variable, the value given and what it must be.
 */
export function serveConfig(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): ConfigInput {
  const fromEnv = configFromEnv(env);
  const input: ConfigInput = {
    ...fromEnv,
    dataDir: resolveDataDir(options),
    host: options.host ?? fromEnv.host ?? '0.0.0.0',
    port: portNumber(options, env),
    homePage: options.homePage ?? fromEnv.homePage,
    mdnsName: options.mdnsName ?? fromEnv.mdnsName,
    mdns: options.mdns === false ? false : fromEnv.mdns,
    dashboardDir: defaultDashboardDir(),
  };
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return input;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0] as keyof ConfigInput;
    const { name, value } = givenAs(key, options, env);
    return `${name} ${EXPECTED[key] ?? issue.message}, not "${value}"`;
  });
  throw new CliError(problems.join('; '));
}

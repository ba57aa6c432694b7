import { type ConfigInput, configFromEnv } from '../config.js';
import { CONFIG_VARIABLES, configProblems, type GivenSetting, strictPortNumber } from '../config-problems.js';
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

/** The flag of each setting `aula serve` takes besides its environment variable (CONFIG_VARIABLES). */
const FLAGS: Partial<Record<keyof ConfigInput, { flag: keyof ServeOptions & string; flagName: string }>> = {
  host: { flag: 'host', flagName: '--host' },
  port: { flag: 'port', flagName: '--port' },
  homePage: { flag: 'homePage', flagName: '--home-page' },
  mdnsName: { flag: 'mdnsName', flagName: '--mdns-name' },
};

/** What the user gave for a setting (a flag wins over its environment variable), to quote it back. */
function givenAs(key: keyof ConfigInput, options: ServeOptions, env: NodeJS.ProcessEnv): GivenSetting {
  const source = FLAGS[key];
  const fromFlag = source ? options[source.flag] : undefined;
  if (typeof fromFlag === 'string' && source) return { name: source.flagName, value: fromFlag };
  const variable = CONFIG_VARIABLES[key];
  if (!variable) return { name: key, value: '' };
  return { name: variable, value: env[variable] ?? '' };
}

/** The port given, digits only (strictPortNumber); 3000 when none is. */
function portNumber(options: ServeOptions, env: NodeJS.ProcessEnv): number {
  if (options.port === undefined && !env.AULA_PORT) return 3000;
  return strictPortNumber(givenAs('port', options, env).value);
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
  const problems = configProblems(input, (key) => givenAs(key, options, env));
  if (problems.length === 0) return input;
  throw new CliError(problems.join('; '));
}

import { type ConfigInput, configFromEnv } from '../server/config.js';
import { CONFIG_VARIABLES, configProblems, type GivenSetting, strictPortNumber } from '../server/config-problems.js';
import { collectorConfig, type DesktopSettings } from './settings.js';

/** The collector's configuration, or what is wrong with it in the words `aula serve` uses. */
export type DesktopConfig = { ok: true; config: ConfigInput } | { ok: false; problem: { kind: 'config'; message: string; variables: string[] } };

/**
 * The desktop app's configuration: its saved settings, then the AULA_* variables of the environment it was started
 * from (a shortcut, a service, a profile), which win as they do for `aula serve`. A wrong value is named with its
 * variable, the value and what it must be, instead of the schema's "Invalid configuration: port: expected number".
 */
export function desktopConfig(
  settings: DesktopSettings,
  env: NodeJS.ProcessEnv,
  options: { homeDir: string; dashboardDir: string; settingsFile: string },
): DesktopConfig {
  const config: ConfigInput = {
    ...collectorConfig(settings, { homeDir: options.homeDir, dashboardDir: options.dashboardDir }),
    ...configFromEnv(env),
  };
  // As `aula serve` reads it: "" or "3e3" is not a port.
  if (env.AULA_PORT) config.port = strictPortNumber(env.AULA_PORT);
  const variables: string[] = [];
  const givenAs = (key: keyof ConfigInput): GivenSetting => {
    const variable = CONFIG_VARIABLES[key];
    if (variable && env[variable]) {
      variables.push(variable);
      return { name: variable, value: env[variable] ?? '' };
    }
    return { name: `The setting "${key}" in ${options.settingsFile}`, value: String(config[key] ?? '') };
  };
  const problems = configProblems(config, givenAs);
  if (problems.length === 0) return { ok: true, config };
  return { ok: false, problem: { kind: 'config', message: problems.join('; '), variables } };
}

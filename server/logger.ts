import pino, { type DestinationStream, type Logger } from 'pino';
import { LOG_LEVELS } from './config.js';
import { NAMING_LEVEL, withoutNames } from './log-names.js';

export type { Logger };

/** Where the log goes: standard error, so standard output carries only what a command prints for people and scripts. */
const LOG_FD = 2;

/**
 * The collector's log on standard error: readable lines when that is a terminal, JSON lines otherwise (DESIGN.md
 * conventions). Standard output keeps `aula serve`'s addresses alone, so `aula serve > addresses.txt 2> aula.log` gives
 * a log a tool can read line by line. A level pino does not know (a typo in AULA_LOG_LEVEL) logs at info and says so,
 * instead of stopping the desktop app before its first window. `destination` replaces standard error (JSON lines):
 * the desktop app's log file (main/desktop-log.ts).
 */
export function createLogger(level: string, options: { pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const known = (LOG_LEVELS as readonly string[]).includes(level);
  const used = known ? level : 'info';
  const pretty = !options.destination && (options.pretty ?? Boolean(process.stderr.isTTY));
  const hooks = { logMethod: namesOnlyWhenDebugging };
  const log =
    pretty && used !== 'silent'
      ? pino({
          level: used,
          hooks,
          transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', destination: LOG_FD } },
        })
      : pino({ level: used, hooks }, options.destination ?? pino.destination({ dest: LOG_FD, sync: true }));
  if (!known) log.warn(`AULA_LOG_LEVEL "${level}" is not a log level (${LOG_LEVELS.join(', ')}); logging at info`);
  return log;
}

/**
 * Students and their devices are named in the log only at debug and trace (log-names.ts): at info and above, the level
 * a laptop runs at for months, a line carries a tag for the student instead of the username and one for the device
 * instead of its IP address, and everything else it carried (the class, the session, the route) stays for IT.
 */
function namesOnlyWhenDebugging(this: Logger, args: Parameters<Logger['info']>, method: (...args: unknown[]) => void): void {
  const [first, ...rest] = args as unknown[];
  if (this.levelVal <= NAMING_LEVEL || typeof first !== 'object' || first === null || first instanceof Error) {
    method.apply(this, args as unknown[]);
    return;
  }
  method.apply(this, [withoutNames(first as Record<string, unknown>), ...rest]);
}

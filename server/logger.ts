import pino, { type Logger } from 'pino';
import { LOG_LEVELS } from './config.js';

export type { Logger };

/** Where the log goes: standard error, so standard output carries only what a command prints for people and scripts. */
const LOG_FD = 2;

/**
 * The collector's log on standard error: readable lines when that is a terminal, JSON lines otherwise (DESIGN.md
 * conventions). Standard output keeps `aula serve`'s addresses alone, so `aula serve > addresses.txt 2> aula.log` gives
 * a log a tool can read line by line. A level pino does not know (a typo in AULA_LOG_LEVEL) logs at info and says so,
 * instead of stopping the desktop app before its first window.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const known = (LOG_LEVELS as readonly string[]).includes(level);
  const used = known ? level : 'info';
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  const log =
    pretty && used !== 'silent'
      ? pino({
          level: used,
          transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', destination: LOG_FD } },
        })
      : pino({ level: used }, pino.destination({ dest: LOG_FD, sync: true }));
  if (!known) log.warn(`AULA_LOG_LEVEL "${level}" is not a log level (${LOG_LEVELS.join(', ')}); logging at info`);
  return log;
}

import pino, { type Logger } from 'pino';

export type { Logger };

/** Pretty in a terminal, JSON lines otherwise (DESIGN.md conventions). */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (pretty && level !== 'silent') {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}

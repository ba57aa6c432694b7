import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const DRIVER = path.resolve(import.meta.dirname, 'drive-steps.cjs');

/** The real tracker in its own process, one command at a time (drive-steps.cjs). */
export function steppedTracker(host: string, trackingCode: string) {
  const child = spawn(process.execPath, [DRIVER, host, trackingCode], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = readline.createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  answers.on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    /** Settles when the tracker's process ends: a crash of the tracker ends it. */
    exited,
    send(command: Record<string, unknown>): Promise<Record<string, unknown>> {
      const answer = new Promise<string>((resolve) => waiting.push(resolve));
      child.stdin.write(`${JSON.stringify(command)}\n`);
      return answer.then((line) => JSON.parse(line) as Record<string, unknown>);
    },
    stop: () => child.kill(),
  };
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './serve-process.js';

const AULA = path.join(ROOT, 'bin', 'aula.js');

export interface AulaRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunAulaOptions {
  /** Added to this process's environment (a value of undefined removes the variable). */
  env?: Record<string, string | undefined>;
  /** Run as this user and group id (tests running as root use it to be bound by file permissions). */
  uid?: number;
  gid?: number;
  /** Ended with SIGTERM after this long (default 60 s): a command that should have refused, but runs on, fails its test. */
  timeoutMs?: number;
}

/** Runs one `aula …` command to its end, as a user would from a shell; never throws for an exit code. */
export function runAula(args: string[], options: RunAulaOptions = {}): Promise<AulaRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child = spawn(process.execPath, [AULA, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

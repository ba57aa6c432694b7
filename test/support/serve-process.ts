import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const AULA = path.join(ROOT, 'bin', 'aula.js');
const run = promisify(execFile);

export interface ServeProcess {
  child: ChildProcess;
  /** Its --data-dir, for `aula` commands run beside it. */
  dataDir: string;
  url: string;
  port: number;
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `aula serve` as a user runs it, in its own process, on an ephemeral loopback port. */
export async function startServe(dataDir: string, extraArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [AULA, 'serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, AULA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: a server no test will stop kept the whole suite waiting for it.
      child.kill('SIGKILL');
      reject(new Error(`aula serve did not start:\n${output}`));
    }, 20_000);
    const check = () => {
      const match = /Dashboard: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`aula serve exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    dataDir,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

/** Runs one `aula …` command to completion and returns its standard output. */
export async function aula(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [AULA, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  return stdout;
}

/** Runs one `aula …` command with `input` on its standard input; never throws for an exit code (tests read it). */
export function aulaWithInput(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return startAula(args, input).done;
}

/**
 * Starts one `aula …` command and returns at once, for tests that act while it runs (or kill it): `done` settles when
 * it ends (`code` -1 when a signal ended it).
 */
export function startAula(
  args: string[],
  input = '',
): { child: ChildProcess; done: Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [AULA, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const done = new Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  child.stdin.end(input);
  return { child, done };
}

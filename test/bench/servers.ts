import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ensureCliBundle } from './cli-bundle.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawn until the server printed its address (it listens from then on). */
  readyMs: number;
  stop(): Promise<void>;
}

async function spawnServer(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const started = performance.now();
  // AULA_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers under load.
  const nodeArgs = process.env.AULA_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, AULA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /Dashboard: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)));
  });
  const readyMs = performance.now() - started;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    child,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The compiled command, rebuilt first when server/ changed (cli-bundle.ts says why not bin/aula.js). */
export function startAula(dataDir: string): Promise<ServerProcess> {
  return spawnServer('aula', [ensureCliBundle(), 'serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0']);
}

export function startNullServer(): Promise<ServerProcess> {
  return spawnServer('null', [path.join(import.meta.dirname, 'null-server.mjs')]);
}

/** Issue 8's sixty-line group-commit prototype (prototype-server.mjs), storing into `dataDir`. */
export function startPrototypeServer(dataDir: string): Promise<ServerProcess> {
  return spawnServer('prototype', [path.join(import.meta.dirname, 'prototype-server.mjs'), dataDir]);
}

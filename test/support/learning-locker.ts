import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './serve-process.js';
import { tempDir } from './temp-dir.js';

/** Learning Locker's statements service (xapi-statements@5.0.1, npm) on a local redis-server (xapi.md §12.1). */
export interface LearningLocker {
  /** The xAPI base, e.g. http://127.0.0.1:PORT/xAPI */
  endpoint: string;
  /** The Node process of the statements service (redis-server is not counted in its CPU or memory). */
  pid: number;
  stop(): Promise<void>;
}

export function redisServerMissing(): boolean {
  return spawnSync('redis-server', ['--version']).error !== undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForAbout(endpoint: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const answer = await fetch(`${endpoint}/about`, { headers: { 'X-Experience-API-Version': '1.0.3' } });
      if (answer.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Learning Locker never answered at ${endpoint}/about`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Statements kept in memory (its MODELS_REPO=memory): the fastest it can be, no disk and no fsync at all. */
export async function startLearningLocker(): Promise<LearningLocker> {
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const port = await freePort();
  const cwd = tempDir('aula-bench-lrs-');
  const service = spawn(process.execPath, [path.join(ROOT, 'node_modules/xapi-statements/dist/server.js')], {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      AUTH_REPO: 'test',
      EXPRESS_PORT: String(port),
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      EXPRESS_MORGAN_DIRECTORY: cwd,
    },
  });
  const endpoint = `http://127.0.0.1:${port}/xAPI`;
  await waitForAbout(endpoint);
  return {
    endpoint,
    pid: service.pid as number,
    stop: async () => {
      await stopChild(service);
      await stopChild(redis);
    },
  };
}

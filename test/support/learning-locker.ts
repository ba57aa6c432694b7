import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from 'node:child_process';
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
  /** Where the service writes attachment data (its local storage: `<lrs>/attachments/<sha2>.<extension>`). */
  storageDir: string;
  /** What the service printed (the latest 20,000 characters), and how it ended if it did: for a failing test's message. */
  output(): string;
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

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Started {
  child: ChildProcess;
  output(): string;
}

/**
 * Spawns a server and waits until it says it listens (undefined if its port was taken). A port from freePort() is
 * free only until someone binds it: the suite runs two files at once, each starting collectors and LRSs, so another
 * process may take it first. The server then fails with EADDRINUSE, and without this wait the endpoint would be
 * someone else's: an upload test would send to the other file's Learning Locker and find it gone when that file ended
 * (the read-back's ECONNREFUSED, seen in two of four full runs).
 */
function spawnListening(command: string, args: string[], options: SpawnOptions, listening: RegExp): Promise<Started | undefined> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => keep(Buffer.from(`\n[exited with ${signal ?? code}]\n`)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(command)} did not start within 60 s:\n${output}`));
    }, 60_000);
    // Only a port taken in the meantime is worth another try; anything else is a broken set-up. (Learning Locker
    // does not exit then: its logger catches the uncaught EADDRINUSE and it stays up, listening nowhere.)
    const portTaken = () => /EADDRINUSE|Address already in use/.test(output);
    const check = () => {
      if (listening.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        child.stderr?.off('data', check);
        resolve({ child, output: () => output });
      } else if (portTaken()) {
        clearTimeout(timer);
        stopChild(child).then(() => resolve(undefined));
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      if (portTaken()) resolve(undefined);
      else reject(new Error(`${path.basename(command)} exited before it listened:\n${output}`));
    });
  });
}

async function onFreePort(start: (port: number) => Promise<Started | undefined>): Promise<Started & { port: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const started = await start(port);
    if (started) return { ...started, port };
  }
  throw new Error('five ports in a row were taken before the server could listen on them');
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

/** Statements kept in memory (its MODELS_REPO=memory): the fastest it can be; only attachment data goes to disk. */
export async function startLearningLocker(): Promise<LearningLocker> {
  // Loopback only: a test's redis has no password and must not be reachable from the network.
  const redis = await onFreePort((port) =>
    spawnListening('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, /Ready to accept connections/),
  );
  const cwd = tempDir('aula-bench-lrs-');
  const service = await onFreePort((port) =>
    spawnListening(
      process.execPath,
      [path.join(ROOT, 'node_modules/xapi-statements/dist/server.js')],
      {
        cwd,
        env: {
          ...process.env,
          MODELS_REPO: 'memory',
          // Attachment data goes to files (it has no in-memory storage: any other name means these files).
          STORAGE_REPO: 'local',
          FS_LOCAL_STORAGE_DIR: path.join(cwd, 'storage'),
          AUTH_REPO: 'test',
          EXPRESS_PORT: String(port),
          REDIS_URL: `redis://127.0.0.1:${redis.port}/0`,
          EXPRESS_MORGAN_DIRECTORY: cwd,
        },
      },
      new RegExp(`Listening on port ${port}\\b`),
    ),
  ).catch(async (error: unknown) => {
    await stopChild(redis.child);
    throw error;
  });
  const endpoint = `http://127.0.0.1:${service.port}/xAPI`;
  await waitForAbout(endpoint);
  return {
    endpoint,
    pid: service.child.pid as number,
    storageDir: path.join(cwd, 'storage'),
    output: service.output,
    stop: async () => {
      await stopChild(service.child);
      await stopChild(redis.child);
    },
  };
}

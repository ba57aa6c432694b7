import type http from 'node:http';
import { type Answer, createAgent, post, trackerBatch } from './load-client.js';
import { cpuSeconds, machineCpu, machineShares, peakRssMb, percentiles, round, threadCpuSeconds } from './measure.js';
import { RawHttpClient } from './raw-client.js';
import type { ServerProcess } from './servers.js';

export interface LoadResult {
  server: string;
  clients: number;
  batch: number;
  seconds: number;
  statements: number;
  statementsPerSecond: number;
  requests: number;
  refused503: number;
  errors: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  serverCpuSeconds: number;
  /** Of serverCpuSeconds, what the event loop (the main thread) used: the rest is the writer and V8's helpers. */
  serverEventLoopCpuSeconds: number;
  serverPeakRssMb: number;
  machine: { idlePercent: number; stealPercent: number };
  /**
   * The same load during the warm-up before the measured window (LoadOptions.warmupSeconds), reported and not mixed
   * in: the first second of a server under saturation is its JIT compiling and its caches filling.
   */
  warmup?: { seconds: number; statementsPerSecond: number; latencyMs: { p50: number; p95: number; p99: number; max: number } };
}

export interface LoadOptions {
  clients: number;
  batch: number;
  /** The measured window. */
  seconds: number;
  /** 0 (the default): back to back (saturation); else one batch per client per interval (a classroom). */
  intervalMs?: number;
  /** The load runs this long first, measured apart (LoadResult.warmup); nothing of it is in the main figures. */
  warmupSeconds?: number;
}

/** The prefix js-tracker posts to (fixtures/real-clients). */
const TRACK_PATH = '/api/proxy/gleaner/collector/track';

interface Session {
  authToken: string;
  actor: unknown;
  objectId: string;
}

async function startSession(agent: http.Agent, server: ServerProcess, code: string): Promise<Session> {
  for (;;) {
    const answer = await post(agent, `${server.url}/api/proxy/gleaner/collector/start/${code}`, '{}');
    if (answer.status === 200) return JSON.parse(answer.body) as Session;
    if (answer.status !== 503) throw new Error(`start answered ${answer.status}: ${answer.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Milliseconds until one game's start and first batch are both answered 200, asked right after the server printed
 * its address: what "ready to accept" means for a game (its first statements stored, not just a listening port).
 */
export async function firstBatchStoredMs(server: ServerProcess, code: string): Promise<number> {
  const agent = createAgent(1);
  const asked = performance.now();
  const session = await startSession(agent, server, code);
  const answer = await post(agent, `${server.url}${TRACK_PATH}`, trackerBatch(session.actor, session.objectId, 10, 0), {
    Authorization: session.authToken,
  });
  agent.destroy();
  if (answer.status !== 200) throw new Error(`the first batch was answered ${answer.status}: ${answer.body}`);
  return performance.now() - asked;
}

/**
 * N clients, each its own keep-alive socket: start once, then send batches of B statements, either back to back
 * (intervalMs 0: saturation) or one per interval (a classroom). 503 answers are retried after Retry-After, as a
 * well-behaved client would, and counted.
 */
export async function runLoad(
  server: ServerProcess,
  code: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const agent = createAgent(options.clients);
  const sessions = await Promise.all(Array.from({ length: options.clients }, () => startSession(agent, server, code)));
  try {
    const { hostname, port } = new URL(server.url);
    const connections = sessions.map(() => new RawHttpClient(hostname, Number(port)));
    try {
      return await driveLoad({ name: server.name, pid: server.pid }, options, (client, serial) => {
        const session = sessions[client] as Session;
        const body = trackerBatch(session.actor, session.objectId, options.batch, serial);
        return (connections[client] as RawHttpClient).post(TRACK_PATH, body, { Authorization: session.authToken });
      });
    } finally {
      for (const connection of connections) connection.close();
    }
  } finally {
    agent.destroy();
  }
}

/**
 * The measured loop of a load: each client sends its `serial`-th batch through `send` until the time is up,
 * retrying 503s after Retry-After; latency per request, statements acknowledged, the server's CPU and peak RSS.
 * A request belongs to the warm-up or to the measured window by when it was sent.
 */
export async function driveLoad(
  server: { name: string; pid: number },
  options: LoadOptions,
  send: (client: number, serial: number) => Promise<Answer>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const warmupLatencies: number[] = [];
  let statements = 0;
  let warmupStatements = 0;
  let requests = 0;
  let refused = 0;
  let errors = 0;
  const warmupMs = (options.warmupSeconds ?? 0) * 1000;
  const started = performance.now();
  const began = started + warmupMs;
  const deadline = began + options.seconds * 1000;
  // The server's and the machine's counters are read when the measured window opens.
  let cpuBefore = 0;
  let eventLoopBefore = 0;
  let machineBefore = machineCpu();
  const readCounters = () => {
    cpuBefore = cpuSeconds(server.pid);
    eventLoopBefore = threadCpuSeconds(server.pid, server.pid);
    machineBefore = machineCpu();
  };
  if (warmupMs > 0) setTimeout(readCounters, warmupMs);
  else readCounters();
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      let serial = client * 1_000_000;
      // Games in a classroom flush on their own timers, started whenever each student pressed play: spread the
      // clients' phases over the interval instead of firing all of them in the same millisecond.
      if (options.intervalMs) await new Promise((resolve) => setTimeout(resolve, (client / options.clients) * (options.intervalMs ?? 0)));
      while (performance.now() < deadline) {
        const sent = performance.now();
        const answer = await send(client, serial++);
        const stored = answer.status === 200 ? options.batch : 0;
        if (sent < began) {
          warmupLatencies.push(performance.now() - sent);
          warmupStatements += stored;
        } else {
          latencies.push(performance.now() - sent);
          requests++;
          statements += stored;
          if (answer.status === 503) refused++;
        }
        // Any other answer is an error, in the warm-up too.
        if (answer.status !== 200 && answer.status !== 503 && errors++ === 0) console.error(`${server.name} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
        if (answer.status === 503) await new Promise((resolve) => setTimeout(resolve, Number(answer.retryAfter ?? 1) * 1000));
        if (options.intervalMs) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
      }
    }),
  );
  const warmup =
    warmupMs > 0
      ? {
          seconds: round(warmupMs / 1000, 2),
          statementsPerSecond: Math.round(warmupStatements / (warmupMs / 1000)),
          latencyMs: mapValues(percentiles(warmupLatencies), (value) => round(value, 2)),
        }
      : undefined;
  const elapsed = (performance.now() - began) / 1000;
  return {
    server: server.name,
    clients: options.clients,
    batch: options.batch,
    seconds: round(elapsed, 2),
    statements,
    statementsPerSecond: Math.round(statements / elapsed),
    requests,
    refused503: refused,
    errors,
    latencyMs: mapValues(percentiles(latencies), (value) => round(value, 2)),
    serverCpuSeconds: round(cpuSeconds(server.pid) - cpuBefore, 2),
    serverEventLoopCpuSeconds: round(threadCpuSeconds(server.pid, server.pid) - eventLoopBefore, 2),
    serverPeakRssMb: round(peakRssMb(server.pid)),
    machine: machineShares(machineBefore, machineCpu()),
    ...(warmup ? { warmup } : {}),
  };
}

export interface StormResult {
  clients: number;
  batch: number;
  acknowledged: number;
  refused503: number;
  retriesWithoutRetryAfter: number;
  errors: number;
  seconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  serverPeakRssMb: number;
  machine: { idlePercent: number; stealPercent: number };
}

/** Every client sends its whole backlog at once (Wi-Fi back after an outage); 503s are retried until all land. */
export async function runStorm(
  server: ServerProcess,
  code: string,
  clients: number,
  batch: number,
  options: { expectContinue?: boolean } = {},
): Promise<StormResult> {
  const agent = createAgent(clients);
  const sessions = await Promise.all(Array.from({ length: clients }, () => startSession(agent, server, code)));
  const bodies = sessions.map((session, client) => trackerBatch(session.actor, session.objectId, batch, client));
  const latencies: number[] = [];
  let refused = 0;
  let missingRetryAfter = 0;
  let errors = 0;
  let acknowledged = 0;
  const machineBefore = machineCpu();
  const began = performance.now();
  await Promise.all(
    sessions.map(async (session, client) => {
      for (;;) {
        const sent = performance.now();
        const answer = await post(agent, `${server.url}${TRACK_PATH}`, bodies[client] as string, { Authorization: session.authToken }, options);
        latencies.push(performance.now() - sent);
        if (answer.status === 200) {
          acknowledged += batch;
          return;
        }
        if (answer.status !== 503) {
          errors++;
          return;
        }
        refused++;
        if (!answer.retryAfter) missingRetryAfter++;
        await new Promise((resolve) => setTimeout(resolve, Number(answer.retryAfter ?? 1) * 1000));
      }
    }),
  );
  agent.destroy();
  return {
    clients,
    batch,
    acknowledged,
    refused503: refused,
    retriesWithoutRetryAfter: missingRetryAfter,
    errors,
    seconds: round((performance.now() - began) / 1000, 2),
    latencyMs: mapValues(percentiles(latencies), (value) => round(value, 2)),
    serverPeakRssMb: round(peakRssMb(server.pid)),
    machine: machineShares(machineBefore, machineCpu()),
  };
}

function mapValues<T extends Record<string, number>>(value: T, map: (n: number) => number): T {
  return Object.fromEntries(Object.entries(value).map(([key, n]) => [key, map(n)])) as T;
}

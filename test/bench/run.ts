// `npm run bench`: the ingest benchmarks of issue 8, against `aula serve` and, in the same run, a null server.
// Prints a table and writes bench-results/ingest-<time>.json and docs/benchmarks.md. Not a test: figures only.
// Flags: --only saturation,classroom,storm,large  --seconds 10  --large-count 1000000
//        --lrs: also the saturation load through xAPI, against Learning Locker's statements service and Aula's /xapi
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createActivity, findActivityByCode } from '../../server/store/activities-repo.js';
import { openDatabase } from '../../server/store/open-database.js';
import { createXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { redisServerMissing, startLearningLocker } from '../support/learning-locker.js';
import { tempDir } from '../support/temp-dir.js';
import { measureDiskCommits } from './disk-floor.js';
import { cpuSeconds, peakRssMb, percentiles, round } from './measure.js';
import { benchmarksMarkdown } from './report.js';
import { firstBatchStoredMs, runLoad, runStorm } from './scenarios.js';
import { seedStore } from './seed-store.js';
import { type ServerProcess, startAula, startNullServer, startPrototypeServer } from './servers.js';
import { runXapiLoad } from './xapi-load.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'saturation,classroom,storm,large' },
    seconds: { type: 'string', default: '10' },
    'large-count': { type: 'string', default: '1000000' },
    lrs: { type: 'boolean', default: false },
  },
});
const only = new Set(values.only.split(','));
const seconds = Number(values.seconds);
const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };

function newActivity(dataDir: string): string {
  const db = openDatabase(dataDir);
  const { trackingCode } = createActivity(db, { name: 'Bench', game: 'Bench' });
  db.close();
  return trackingCode;
}

function get(url: string): Promise<{ status: number; ms: number }> {
  const sent = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - sent }));
      })
      .on('error', reject);
  });
}

function xapiCredentialFor(dataDir: string, trackingCode: string): { key: string; secret: string } {
  const db = openDatabase(dataDir);
  const activity = findActivityByCode(db, trackingCode);
  if (!activity) throw new Error('the bench activity is missing');
  const credential = createXapiCredential(db, activity.id, 'bench');
  db.close();
  return credential;
}

async function xapiGet(url: string, credential: { key: string; secret: string }): Promise<{ status: number; ms: number }> {
  const sent = performance.now();
  const response = await fetch(url, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
      'X-Experience-API-Version': '1.0.3',
    },
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - sent };
}

async function withServer<T>(server: ServerProcess, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/**
 * Saturation is measured after this long under the same load, for every server alike. Traced per request, Aula's
 * first second ran at half speed with p50 twice the rest's (its JIT compiling the hot path, its caches and files
 * filling), and those requests were the whole of its p99 (2026-11-27). The warm-up's figures are reported apart.
 */
const SATURATION_WARMUP_SECONDS = 2;

if (only.has('saturation')) {
  console.log(`saturation: 100 clients, batches of 10, ${SATURATION_WARMUP_SECONDS}s + ${seconds}s each against the null server, Aula and the prototype…`);
  const load = { clients: 100, batch: 10, seconds, warmupSeconds: SATURATION_WARMUP_SECONDS };
  const nullResult = await withServer(await startNullServer(), (server) => runLoad(server, 'any', load));
  const dataDir = tempDir();
  const code = newActivity(dataDir);
  const aulaResult = await withServer(await startAula(dataDir), (server) => runLoad(server, code, load));
  const prototypeResult = await withServer(await startPrototypeServer(tempDir()), (server) => runLoad(server, 'any', load));
  results.saturation = {
    null: nullResult,
    aula: aulaResult,
    ratio: round(aulaResult.statementsPerSecond / nullResult.statementsPerSecond, 3),
    prototype: { ...prototypeResult, ratio: round(prototypeResult.statementsPerSecond / nullResult.statementsPerSecond, 3) },
  };
}

if (only.has('classroom')) {
  console.log(`classroom: 40 clients, one batch of 10 per second, dashboard SSE connected, ${Math.max(seconds, 15)}s…`);
  const dataDir = tempDir();
  const code = newActivity(dataDir);
  const classroomSeconds = Math.max(seconds, 15);
  const diskCommits = await measureDiskCommits(tempDir());
  const nullClassroom = await withServer(await startNullServer(), (server) =>
    runLoad(server, 'any', { clients: 40, batch: 10, seconds: classroomSeconds, intervalMs: 1000 }),
  );
  results.classroom = await withServer(await startAula(dataDir), async (server) => {
    let events = 0;
    const sse = http.get(`${server.url}/admin/api/events`, (response) => {
      response.on('data', (chunk: Buffer) => {
        events += (chunk.toString().match(/^event:/gm) ?? []).length;
      });
    });
    const load = await runLoad(server, code, { clients: 40, batch: 10, seconds: classroomSeconds, intervalMs: 1000 });
    sse.destroy();
    return { ...load, sseEvents: events, nullServerLatencyMs: nullClassroom.latencyMs, diskCommits };
  });
}

/** The storm against the null server, then against Aula with the overview's count of what it stored. */
async function stormPair(options: { expectContinue?: boolean } = {}): Promise<unknown> {
  const dataDir = tempDir();
  const code = newActivity(dataDir);
  const nullStorm = await withServer(await startNullServer(), (server) => runStorm(server, 'any', 500, 512, options));
  return withServer(await startAula(dataDir), async (server) => {
    const storm = await runStorm(server, code, 500, 512, options);
    const overview = JSON.parse(await (await fetch(`${server.url}/admin/api/overview`)).text()) as { statements?: number };
    return { ...storm, storedAccordingToOverview: overview.statements ?? null, nullServer: { seconds: nullStorm.seconds, latencyMs: nullStorm.latencyMs } };
  });
}

if (only.has('storm')) {
  console.log('reconnect storm: 500 clients each sending a 512-statement backlog at once…');
  results.storm = await stormPair();
  // Games that post as UnityWebRequest does by default send Expect: 100-continue and their body only when asked.
  console.log('the same storm with Expect: 100-continue (UnityWebRequest)…');
  results.stormExpectContinue = await stormPair({ expectContinue: true });
}

if (only.has('large')) {
  const count = Number(values['large-count']);
  console.log(`large store: seeding ${count} statements…`);
  const dataDir = tempDir();
  const seededAt = performance.now();
  const { trackingCode } = seedStore(dataDir, count, 40);
  const seedSeconds = round((performance.now() - seededAt) / 1000);
  const credential = xapiCredentialFor(dataDir, trackingCode);
  results.large = await withServer(await startAula(dataDir), async (server) => {
    // First, before anything else touches the store: the quick_check of the whole file starts with the collector.
    const firstBatchMs = await firstBatchStoredMs(server, trackingCode);
    const overview: number[] = [];
    const live: number[] = [];
    const overviewStatus = (await get(`${server.url}/admin/api/overview`)).status;
    for (let i = 0; i < 50; i++) overview.push((await get(`${server.url}/admin/api/overview`)).ms);
    const activities = JSON.parse(await (await fetch(`${server.url}/admin/api/activities`)).text()) as unknown;
    const list = (Array.isArray(activities) ? activities : ((activities as { activities?: unknown[] }).activities ?? [])) as Array<{
      id: string;
      trackingCode: string;
    }>;
    const activityId = list.find((a) => a.trackingCode === trackingCode)?.id;
    for (let i = 0; i < 50; i++) live.push((await get(`${server.url}/admin/api/activities/${activityId}/sessions`)).ms);
    // What a researcher's script asks of the store: a page of one verb's statements, and of a verb no one sent.
    const xapiQueries: Record<string, number[]> = { common: [], absent: [] };
    const verbs = { common: 'http://adlnet.gov/expapi/verbs/interacted', absent: 'http://example.com/verbs/never-sent' };
    let xapiQueryStatus = 0;
    for (let i = 0; i < 10; i++) {
      for (const [kind, verb] of Object.entries(verbs)) {
        const answer = await xapiGet(`${server.url}/xapi/statements?verb=${encodeURIComponent(verb)}&limit=100`, credential);
        xapiQueryStatus = Math.max(xapiQueryStatus, answer.status);
        xapiQueries[kind]?.push(answer.ms);
      }
    }
    const load = await runLoad(server, trackingCode, { clients: 40, batch: 10, seconds: 5, intervalMs: 1000 });
    // The same classroom while a researcher's script asks, back to back, for a verb no one sent (each query reads the
    // whole activity): the games' requests must still be answered in milliseconds.
    let querying = true;
    const queries = (async () => {
      let run = 0;
      for (; querying; run++) await xapiGet(`${server.url}/xapi/statements?verb=${encodeURIComponent(verbs.absent)}&limit=100`, credential);
      return run;
    })();
    const duringQueries = await runLoad(server, trackingCode, { clients: 40, batch: 10, seconds: 5, intervalMs: 1000 });
    querying = false;
    const queriesDuringClassroom = await queries;
    return {
      statements: count,
      seedSeconds,
      readyMs: round(server.readyMs),
      firstBatchStoredMs: round(server.readyMs + firstBatchMs),
      overviewStatus,
      overviewMs: percentiles(overview),
      liveMs: percentiles(live),
      xapiQueryStatus,
      xapiVerbQueryMs: percentiles(xapiQueries.common ?? []),
      xapiAbsentVerbQueryMs: percentiles(xapiQueries.absent ?? []),
      classroomUnderLoad: load.latencyMs,
      classroomDuringXapiQueries: duringQueries.latencyMs,
      xapiQueriesDuringClassroom: queriesDuringClassroom,
      serverPeakRssMb: round(peakRssMb(server.pid)),
      serverCpuSeconds: round(cpuSeconds(server.pid)),
    };
  });
}

if (values.lrs) {
  if (redisServerMissing()) {
    console.log('lrs: skipped, Learning Locker needs redis-server (apt-get install -y redis-server)');
  } else {
    console.log(`lrs: 100 clients, xAPI batches of 10, ${seconds}s each against Learning Locker's statements service and Aula's /xapi…`);
    const lrs = await startLearningLocker();
    let learningLocker: Awaited<ReturnType<typeof runXapiLoad>>;
    try {
      const target = { name: 'learning-locker', endpoint: lrs.endpoint, username: 'key', password: 'secret', pid: lrs.pid };
      learningLocker = await runXapiLoad(target, { clients: 100, batch: 10, seconds });
    } finally {
      await lrs.stop();
    }
    const dataDir = tempDir();
    const credential = xapiCredentialFor(dataDir, newActivity(dataDir));
    const aula = await withServer(await startAula(dataDir), (server) =>
      runXapiLoad({ name: 'aula', endpoint: `${server.url}/xapi`, username: credential.key, password: credential.secret, pid: server.pid }, {
        clients: 100,
        batch: 10,
        seconds,
      }),
    );
    results.lrs = { learningLocker, aula, ratio: round(aula.statementsPerSecond / Math.max(1, learningLocker.statementsPerSecond), 3) };
  }
}

const outDir = path.resolve(import.meta.dirname, '../../bench-results');
const docs = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');
fs.mkdirSync(path.dirname(docs), { recursive: true });
fs.writeFileSync(docs, benchmarksMarkdown(results));
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
console.log(`written: ${file}`);
process.exit(0);

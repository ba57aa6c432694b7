// `npm run bench:dashboard`: the dashboard's performance goals (issue 4) on a store of 1,000,000 statements:
// overview and live endpoints answer in ≤ 50 ms, and a stored statement is visible in the open dashboard within
// 0.5 s while 40 simulated games send a batch every second. Prints the figures and writes bench-results/dashboard.json.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createActivity } from '../../server/store/activities-repo.js';
import { openDatabase } from '../../server/store/open-database.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { insertBatch, insertPlainRows, type StoredBatch } from '../../server/store/statement-rows.js';
import { ROOT, startServe } from '../support/serve-process.js';
import { ensureCliBundle } from './cli-bundle.js';
import { createAgent, post, trackerBatch } from './load-client.js';
import { percentiles, round } from './measure.js';
import { plainRow, type SeedStatement } from './seed-store.js';

const TOTAL = Number(process.env.BENCH_STATEMENTS ?? 1_000_000);
const LIVE_GAMES = Number(process.env.BENCH_GAMES ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BATCH = 10;
const PAST_ACTIVITIES = 25;
const SESSIONS_PER_ACTIVITY = 40;

/** A term of past classes: 25 activities of 40 sessions, one a day, straight into the tables with their counters. */
function seed(dataDir: string): { currentId: string; trackingCode: string } {
  const db = openDatabase(dataDir);
  const perSession = Math.ceil(TOTAL / (PAST_ACTIVITIES * SESSIONS_PER_ACTIVITY));
  let written = 0;
  const started = Date.now();
  for (let day = PAST_ACTIVITIES; day >= 1 && written < TOTAL; day--) {
    const activity = createActivity(db, { name: `Past class ${day}`, game: 'Seeded game' });
    const objectId = `http://aula.local:3000/api/proxy/gleaner/games/${activity.gameId}/${activity.versionId}`;
    const classStart = Date.now() - day * 86_400_000;
    db.transaction(() => {
      for (let s = 0; s < SESSIONS_PER_ACTIVITY && written < TOTAL; s++) {
        const player = createAnonymousPlayer(db);
        const session = openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
        const actor = { account: { homePage: 'http://aula.local:3000/', name: 'Anonymous' }, name: player.animalName };
        const statements = JSON.parse(trackerBatch(actor, objectId, BATCH, s)) as SeedStatement[];
        const count = Math.min(perSession, TOTAL - written);
        let batch: StoredBatch | undefined;
        for (let i = 0; i < count; i++) {
          const statement = statements[i % BATCH] as (typeof statements)[number];
          if (i % BATCH === 0) {
            const stored = new Date(classStart + (i / count) * 3_600_000).toISOString();
            batch = insertBatch(db, { sessionId: session.sessionId, activityId: activity.id, playerId: player.id, stored, source: 'rage' });
          }
          insertPlainRows(db, batch as StoredBatch, [plainRow(statement)]);
        }
        written += count;
        const last = new Date(classStart + 3_600_000).toISOString();
        db.prepare('UPDATE sessions SET statements = ?, last_seen = ?, ended = ?, last_verb = ?, last_object = ?, progress = 1 WHERE id = ?').run(
          count,
          last,
          last,
          'http://adlnet.gov/expapi/verbs/completed',
          `${objectId}/level/level1`,
          session.sessionId,
        );
        db.prepare('UPDATE players SET statements = ?, last_seen = ? WHERE id = ?').run(count, last, player.id);
        db.prepare('UPDATE activities SET statements = statements + ?, last_seen = ? WHERE id = ?').run(count, last, activity.id);
      }
    })();
    process.stdout.write(`\rseeded ${written.toLocaleString('en-US')} statements (${round((Date.now() - started) / 1000)} s)`);
  }
  process.stdout.write('\n');
  const current = createActivity(db, { name: 'Today', game: 'Seeded game' });
  db.close();
  return { currentId: current.id, trackingCode: current.trackingCode };
}

function get(agent: http.Agent, url: string): Promise<{ status: number; body: string; ms: number }> {
  const begin = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, ms: performance.now() - begin }));
      })
      .on('error', reject);
  });
}

async function timeEndpoint(agent: http.Agent, url: string, times: number) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const answer = await get(agent, url);
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.body}`);
    samples.push(answer.ms);
  }
  const p = percentiles(samples);
  return { p50: round(p.p50), p95: round(p.p95), max: round(p.max) };
}

/** The dashboard's stream, parsed; calls back with every `changes` event. */
function openEvents(url: string, onChanges: (changes: { sessions: number[]; activities: Record<string, number> }) => void): http.ClientRequest {
  const request = http.get(url, (response) => {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let split = buffer.indexOf('\n\n');
      while (split >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        if (/^event: changes$/m.test(block)) onChanges(JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}'));
        split = buffer.indexOf('\n\n');
      }
    });
  });
  return request;
}

async function main(): Promise<void> {
  // bin/aula.js then runs the fresh bundle, not the sources through tsx (cli-bundle.ts).
  ensureCliBundle();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-dashboard-'));
  try {
    const { currentId, trackingCode } = seed(dataDir);
    const serve = await startServe(dataDir);
    const api = `${serve.url}/admin/api`;
    const agent = createAgent(64);
    const endpoints = {
      overview: `${api}/overview`,
      activities: `${api}/activities`,
      live: `${api}/activities/${currentId}/sessions`,
      rate: `${api}/activities/${currentId}/rate?minutes=30`,
      statements: `${api}/statements?activity=${currentId}`,
      players: `${api}/players`,
    };

    // 40 games start in today's activity.
    const games = await Promise.all(
      Array.from({ length: LIVE_GAMES }, async () => {
        const answer = await post(agent, `${serve.url}/api/collector/start/${trackingCode}`, '{}');
        const start = JSON.parse(answer.body) as { authToken: string; actor: unknown; objectId: string };
        return { ...start, sent: 0, sessionId: 0 };
      }),
    );
    const live = JSON.parse((await get(agent, endpoints.live)).body) as { sessions: Array<{ id: number; player: { animalName: string } }> };
    const byName = new Map(live.sessions.map((s) => [s.player.animalName, s.id]));
    for (const game of games) game.sessionId = byName.get((game.actor as { name: string }).name) ?? 0;

    const idle: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(endpoints)) idle[name] = await timeEndpoint(agent, url, 50);

    // The open dashboard: on every change of today's activity it refetches the live list (one request at a time).
    const pending: Array<{ sessionId: number; expected: number; t0: number; event?: number }> = [];
    const eventLatency: number[] = [];
    const visibleLatency: number[] = [];
    let inFlight = false;
    let again = false;
    const refetch = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      const answer = await get(agent, endpoints.live);
      const now = performance.now();
      const counts = new Map((JSON.parse(answer.body) as { sessions: Array<{ id: number; statements: number }> }).sessions.map((s) => [s.id, s.statements]));
      for (let i = pending.length - 1; i >= 0; i--) {
        const entry = pending[i] as (typeof pending)[number];
        if ((counts.get(entry.sessionId) ?? 0) >= entry.expected) {
          visibleLatency.push(now - entry.t0);
          pending.splice(i, 1);
        }
      }
      inFlight = false;
      if (again) {
        again = false;
        void refetch();
      }
    };
    const events = openEvents(`${api}/events`, (changes) => {
      const now = performance.now();
      const touched = new Set(changes.sessions);
      for (const entry of pending) {
        if (entry.event === undefined && touched.has(entry.sessionId)) {
          entry.event = now;
          eventLatency.push(now - entry.t0);
        }
      }
      if (changes.activities[currentId] !== undefined) void refetch();
    });

    // Every game sends a batch of 10 every second, staggered over the second.
    let batches = 0;
    let failures = 0;
    const stopAt = performance.now() + SECONDS * 1000;
    const loops = games.map(async (game, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * 1000) / games.length));
      let serial = 0;
      while (performance.now() < stopAt) {
        const next = performance.now() + 1000;
        game.sent += BATCH;
        pending.push({ sessionId: game.sessionId, expected: game.sent, t0: performance.now() });
        const answer = await post(agent, `${serve.url}/api/collector/track`, trackerBatch(game.actor, game.objectId, BATCH, serial++), {
          Authorization: game.authToken,
        });
        if (answer.status === 200) batches++;
        else failures++;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
    });
    // Meanwhile a second tab polls the overview and live endpoints.
    const underLoad: Record<string, number[]> = { overview: [], live: [] };
    const poller = (async () => {
      while (performance.now() < stopAt) {
        underLoad.overview?.push((await get(agent, endpoints.overview)).ms);
        underLoad.live?.push((await get(agent, endpoints.live)).ms);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.all([...loops, poller]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    events.destroy();

    const summary = (samples: number[]) => {
      const p = percentiles(samples);
      return { samples: samples.length, p50: round(p.p50), p95: round(p.p95), p99: round(p.p99), max: round(p.max) };
    };
    const results = {
      machine: { cpus: os.cpus().length, node: process.version },
      store: { statements: TOTAL, pastSessions: PAST_ACTIVITIES * SESSIONS_PER_ACTIVITY, liveGames: LIVE_GAMES, seconds: SECONDS },
      endpointsIdleMs: idle,
      endpointsUnderLoadMs: { overview: summary(underLoad.overview ?? []), live: summary(underLoad.live ?? []) },
      load: { batches, failures, statementsPerSecond: round((batches * BATCH) / SECONDS) },
      sseEventAfterSendMs: summary(eventLatency),
      visibleInDashboardAfterSendMs: summary(visibleLatency),
      notSeen: pending.length,
    };
    fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench-results', 'dashboard.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    agent.destroy();
    await serve.stop();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

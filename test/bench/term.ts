// `npm run bench:term`: the dashboard and the CLI on a laptop after a whole school term (seed-term.ts): every admin
// API endpoint the dashboard calls, each screen's load in Chromium and the CLI's listing commands, p50/p99 each, with
// the size of each answer (a list that grows with the term shows here). Targets: ≤ 50 ms per answer, a screen usable
// in well under a second. BENCH_STATEMENTS (default 500,000), BENCH_SAMPLES (default 20), BENCH_SCREENS=0 for
// the API and the CLI alone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildDashboard, chromiumMissing, launchChromium } from '../e2e/browser-support.js';
import { startServe } from '../support/serve-process.js';
import { CLI_BUNDLE, ensureCliBundle } from './cli-bundle.js';
import { percentiles, round } from './measure.js';
import { seedTerm, TERM } from './seed-term.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const SCREEN_SAMPLES = Number(process.env.BENCH_SCREEN_SAMPLES ?? 5);

interface Row {
  what: string;
  p50: number;
  p99: number;
  size: string;
}

function get(url: string): Promise<{ status: number; body: string; ms: number }> {
  const begin = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
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

/** What grows with the term in an answer: its longest array, and its bytes. */
function sizeOf(body: string): string {
  let longest = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      longest = Math.max(longest, value.length);
      for (const item of value.slice(0, 3)) walk(item);
    } else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  try {
    walk(JSON.parse(body));
  } catch {
    return `${round(body.length / 1024)} kB`;
  }
  return `${longest} rows, ${round(body.length / 1024)} kB`;
}

async function timeEndpoint(what: string, url: string): Promise<Row> {
  const samples: number[] = [];
  let body = '';
  for (let i = 0; i < SAMPLES; i++) {
    const answer = await get(url);
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    samples.push(answer.ms);
    body = answer.body;
  }
  const p = percentiles(samples);
  return { what, p50: round(p.p50), p99: round(p.p99), size: sizeOf(body) };
}

function timeCli(what: string, args: string[], dataDir: string): Row {
  const samples: number[] = [];
  let output = '';
  for (let i = 0; i < Math.max(3, Math.ceil(SAMPLES / 4)); i++) {
    const begin = performance.now();
    output = execFileSync(process.execPath, [CLI_BUNDLE, ...args, '--data-dir', dataDir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    samples.push(performance.now() - begin);
  }
  const p = percentiles(samples);
  return { what: `aula ${what}`, p50: round(p.p50), p99: round(p.p99), size: `${output.split('\n').length} lines` };
}

function printTable(title: string, rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.what.length), 10);
  console.log(`\n${title}\n${'what'.padEnd(width)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}  size`);
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${String(r.p50).padStart(8)}  ${String(r.p99).padStart(8)}  ${r.size}`);
}

async function main(): Promise<void> {
  ensureCliBundle();
  process.env.AULA_DASHBOARD_DIR = buildDashboard();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-term-'));
  try {
    const seedBegin = performance.now();
    const ids = seedTerm(dataDir);
    console.log(
      `seeded a term in ${round((performance.now() - seedBegin) / 1000)} s: ${TERM.classes} classes of ${TERM.studentsPerClass}, ${TERM.activities} activities, ` +
        `${TERM.sessions} sessions, ${TERM.anonymousPlayers} anonymous players, ${TERM.alerts} alerts, ${TERM.refusals} refusals, ${TERM.statements} statements`,
    );
    const serve = await startServe(dataDir);
    try {
      const api = `${serve.url}/admin/api`;
      const a = encodeURIComponent(ids.currentId);
      const closed = encodeURIComponent(ids.closedId);
      const endpoints: Array<[string, string]> = [
        ['overview', '/overview'],
        ['activities', '/activities'],
        ['classes', '/classes'],
        ['classes/summary', '/classes/summary'],
        ['students', '/students'],
        ['alerts/count', '/alerts/count'],
        ['live: sessions', `/activities/${a}/sessions`],
        ['live: rate', `/activities/${a}/rate?minutes=30`],
        ['live: roll-call', `/activities/${a}/roll-call`],
        ['live: rules', `/activities/${a}/rules`],
        ['live: class students', `/classes/${encodeURIComponent(ids.classId)}/students`],
        ['live: failed-logins', `/classes/${encodeURIComponent(ids.classId)}/failed-logins`],
        ['activity players', `/activities/${a}/players`],
        ['results (open)', `/activities/${a}/results`],
        ['results (closed)', `/activities/${closed}/results`],
        ['sessions (closed)', `/activities/${closed}/sessions`],
        ['alerts (open)', `/alerts?activity=${a}`],
        ['alerts (closed)', `/alerts?activity=${closed}`],
        ['players', '/players'],
        ['players?limit=1000', '/players?limit=1000'],
        // Players' "Find a player": one student among the term's players, and a letter most names hold.
        ['players?q= (a username)', `/players?q=${encodeURIComponent(ids.studentUsername)}`],
        ['players?q=a', '/players?q=a'],
        ['player (student)', `/players/${encodeURIComponent(ids.studentPlayerId)}`],
        ['player alerts (student)', `/players/${encodeURIComponent(ids.studentPlayerId)}/alerts`],
        ['player (anonymous)', `/players/${encodeURIComponent(ids.anonymousPlayerId)}`],
        ['statements', '/statements'],
        ['statements (activity)', `/statements?activity=${a}`],
        ['diagnostics', '/diagnostics'],
        ['export count (all)', '/data/export/count'],
        ['export count (activity)', `/data/export/count?activity=${encodeURIComponent(ids.activityTrackingCode)}`],
        ['upload targets', '/data/upload/targets'],
        ['backups', '/backups'],
        ['settings', '/settings'],
        ['connect', '/connect'],
      ];
      const apiRows: Row[] = [];
      for (const [what, url] of endpoints) apiRows.push(await timeEndpoint(what, `${api}${url}`));
      printTable(`admin API, ${SAMPLES} requests each`, apiRows);

      const cliRows = [
        timeCli('stats', ['stats'], dataDir),
        timeCli('activity list', ['activity', 'list'], dataDir),
        timeCli('activity show', ['activity', 'show', ids.activityTrackingCode], dataDir),
        timeCli('class list', ['class', 'list'], dataDir),
        timeCli('student list', ['student', 'list'], dataDir),
      ];
      printTable('CLI (beside aula serve), whole command', cliRows);

      if (chromiumMissing || process.env.BENCH_SCREENS === '0') {
        console.log(`\nscreens skipped: ${chromiumMissing || 'BENCH_SCREENS=0'}`);
        return;
      }
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.setDefaultTimeout(30_000);
        let pending = 0;
        let lastDone = 0;
        const isApi = (url: string) => url.includes('/admin/api/') && !url.includes('/admin/api/events');
        page.on('request', (r) => {
          if (isApi(r.url())) pending++;
        });
        const done = (r: { url(): string }) => {
          if (isApi(r.url())) {
            pending--;
            lastDone = performance.now();
          }
        };
        page.on('requestfinished', done);
        page.on('requestfailed', done);
        const screens: Array<[string, string]> = [
          ['Live', '/'],
          ['Activities', '/activities'],
          ['Alerts & Warnings', '/alerts'],
          ['Classes', '/classes'],
          ['Results', '/results'],
          ['Players', '/players'],
          ['Player (student)', `/players/${encodeURIComponent(ids.studentPlayerId)}`],
          ['Statements', '/statements'],
          ['Connect', '/connect'],
          ['Diagnostics', '/diagnostics'],
          ['Data', '/data'],
          ['Settings', '/settings'],
        ];
        const screenRows: Row[] = [];
        for (const [what, route] of screens) {
          const samples: number[] = [];
          let elements = 0;
          for (let i = 0; i < SCREEN_SAMPLES; i++) {
            await page.goto('about:blank');
            pending = 0;
            const begin = performance.now();
            lastDone = begin;
            await page.goto(`${serve.url}${route}`, { waitUntil: 'load' });
            // Loaded: no dashboard request in flight for 300 ms, then the page painted what they brought.
            while (pending > 0 || performance.now() - lastDone < 300) await new Promise((resolve) => setTimeout(resolve, 20));
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
            samples.push(Math.max(lastDone, begin) - begin);
            elements = await page.evaluate(() => document.querySelectorAll('tr, li').length);
          }
          const p = percentiles(samples);
          screenRows.push({ what, p50: round(p.p50), p99: round(p.p99), size: `${elements} rows/items` });
        }
        printTable(`dashboard screens in Chromium (until its last API answer), ${SCREEN_SAMPLES} loads each`, screenRows);
      } finally {
        await browser.close();
      }
    } finally {
      await serve.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

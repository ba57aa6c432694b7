import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { ROOT, type ServeProcess, startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright's own browser download is not possible here. */
export const CHROMIUM = '/usr/bin/chromium';
/** For `describe(…, { skip })`: false when Chromium is there, else the reason printed with the skip. */
export const chromiumMissing: false | string = !fs.existsSync(CHROMIUM) && 'Chromium is not installed';

// Without the background-networking flags Chromium keeps trying the closed network (DESIGN.md). English unless a test
// asks for another language (a context's `locale`): the dashboard follows the browser's, whatever the machine's LANG.
const ARGS = ['--lang=en-US', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface DashboardSession {
  serve: ServeProcess;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** `aula serve` on a new data folder, serving the built dashboard, and a Chromium page of the given size. */
export async function serveDashboard(viewport: { width: number; height: number }): Promise<DashboardSession> {
  process.env.AULA_DASHBOARD_DIR = buildDashboard();
  const serve = await startServe(tempDir());
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(15_000);
  return {
    serve,
    browser,
    page,
    close: async () => {
      await browser.close();
      await serve.stop();
    },
  };
}

export interface CollectorDashboard {
  collector: Collector;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface CollectorDashboardOptions {
  /** The collector's clock. */
  now?: () => number;
  /** The browser's language (e.g. 'es-ES': the dashboard then speaks Spanish); English without. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * One collectorDashboard for a whole describe: opened before its tests (`opened` hands its parts to the suite's
 * variables), closed after them.
 */
export function dashboardForSuite(opened: (dashboard: CollectorDashboard) => void, options: CollectorDashboardOptions = {}): void {
  let dashboard: CollectorDashboard | undefined;
  before(async () => {
    dashboard = await collectorDashboard(options);
    opened(dashboard);
  });
  after(() => dashboard?.close());
}

/**
 * The collector in this process (its database and clock at hand), serving the built dashboard, and a Chromium page
 * (1280×800 unless told): for tests that set up data directly and read it on screen. serveDashboard runs `aula serve`.
 */
export async function collectorDashboard(options: CollectorDashboardOptions = {}): Promise<CollectorDashboard> {
  const { now, locale, viewport = { width: 1280, height: 800 } } = options;
  const collector = await startTestCollector({ config: { dashboardDir: buildDashboard() }, ...(now ? { now } : {}) });
  const browser = await launchChromium();
  const page = await browser.newPage(locale ? { viewport, locale } : { viewport });
  page.setDefaultTimeout(15_000);
  return {
    collector,
    browser,
    page,
    close: async () => {
      await browser.close();
      await collector.close();
    },
  };
}

function rendererHash(dir: string, hash = createHash('sha256')): ReturnType<typeof createHash> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    hash.update(full);
    if (entry.isDirectory()) rendererHash(full, hash);
    else hash.update(fs.readFileSync(full));
  }
  return hash;
}

/**
 * The dashboard built from the current renderer/ sources, once per version of those sources: the e2e files of one
 * run share the build instead of each spending 10–20 s on its own. Built into a private folder, then renamed into
 * place, so two files building at once cannot see half a build. Throws with vite's output when the build fails.
 * (No dot in the folder name: Express's sendFile refuses paths with a dot-segment.)
 */
export function buildDashboard(): string {
  const cache = path.join(ROOT, 'test-results', 'dashboard-builds');
  // "-prod": built as users get it. The test runner sets NODE_ENV=test, and vite then bundled React's development
  // build, several times slower: a screen of a term's 1,000 players took seconds more than in the app.
  const target = path.join(cache, `${rendererHash(path.join(ROOT, 'renderer')).digest('hex').slice(0, 16)}-prod`);
  if (fs.existsSync(path.join(target, 'index.html'))) return target;
  fs.mkdirSync(cache, { recursive: true });
  const scratch = tempDir('aula-dashboard-');
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', scratch, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (built.status !== 0) throw new Error(`the dashboard build failed: ${built.stderr}`);
  try {
    fs.renameSync(scratch, target);
  } catch {
    // Another test file finished the same build first; its copy is identical.
    if (!fs.existsSync(path.join(target, 'index.html'))) throw new Error(`could not place the dashboard build in ${target}`);
    return target;
  }
  return target;
}

/**
 * The real js-tracker in its own process (it patches built-in prototypes), driven through a line protocol: the
 * driver prints one JSON object per line with a `phase`, and reads one command per line on stdin.
 */
export function scriptedTracker(driver: string, url: string, code: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [driver, `${url}/`, code], { cwd: ROOT });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (let split = buffer.indexOf('\n'); split >= 0; split = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, split)) as Record<string, unknown>);
      buffer = buffer.slice(split + 1);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.on('exit', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    async phase(name: string): Promise<Record<string, unknown>> {
      for (;;) {
        const found = lines.find((line) => line.phase === name);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`tracker exited before "${name}": ${JSON.stringify(lines)} ${errors}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    send: (command: string) => child.stdin.write(`${command}\n`),
    next: () => child.stdin.write('next\n'),
    stop: () => child.kill(),
  };
}

// `npm run bench:export`: export of 1,000,000 stored statements to ndjson (issue 6 targets: ≥ 100,000 statements/s,
// peak RSS ≤ 200 MB). The figures are those of what a researcher runs: the compiled `aula export` (dist/cli, rebuilt
// first when older than server/) as a process of its own, its wall time from start to exit (start-up included) and
// its peak RSS (/usr/bin/time's maximum resident set, or else the kernel's VmHWM sampled from /proc). Several runs,
// as the machine is shared: the figures are reported as ranges and the median. Writes bench-results/export.json.
// BENCH_STATEMENTS changes the size; BENCH_FORMAT another format; BENCH_RUNS the number of runs (default 3);
// BENCH_DATA_DIR=DIR keeps the seeded store there and reuses it (seeding 1M takes a while);
// BENCH_IN_PROCESS=1 also measures the export in-process from the TypeScript sources (through tsx), as before.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import { ROOT } from '../support/serve-process.js';
import { CLI_BUNDLE as BUNDLE, ensureCliBundle } from './cli-bundle.js';
import { seedStore } from './seed-store.js';

const TOTAL = Number(process.env.BENCH_STATEMENTS ?? 1_000_000);
const FORMAT = process.env.BENCH_FORMAT ?? 'ndjson';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGET_RATE = 100_000;
const TARGET_RSS_MB = 200;
const GNU_TIME = '/usr/bin/time';

interface ExportFigures {
  statements: number;
  seconds: number;
  perSecond: number;
  bytes: number;
  peakRssMb: number;
  /** CPU time of the export process (user + system): what the machine's other load does not inflate. */
  cpuSeconds: number | null;
  load: number;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * One run of the compiled command. The bundle is started directly rather than through bin/aula.js, whose freshness
 * check would switch to the sources whenever another engineer saves a file in server/ during the run.
 */
async function measureCli(dataDir: string, file: string): Promise<ExportFigures> {
  // Every run writes the same file: --force replaces the previous run's (aula export refuses an existing file).
  const args = [BUNDLE, 'export', '--data-dir', dataDir, '--format', FORMAT, '--output', file, '--force'];
  const timeFile = path.join(os.tmpdir(), `aula-bench-export-time-${process.pid}`);
  const useTime = fs.existsSync(GNU_TIME);
  const child = useTime
    ? spawn(GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const started = process.hrtime.bigint();
  // Without GNU time: the kernel's high-water mark of the node process, sampled until it exits.
  let hwmKb = 0;
  const sampler = useTime
    ? undefined
    : setInterval(() => {
        try {
          const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
          hwmKb = Math.max(hwmKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        } catch {
          // gone already
        }
      }, 10);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (sampler) clearInterval(sampler);
  if (code !== 0) throw new Error(`aula export failed (exit ${code}):\n${stderr}`);
  const statements = Number(/Exported (\d+) statement/.exec(stderr)?.[1] ?? Number.NaN);
  let peakKb = hwmKb;
  let cpuSeconds: number | null = null;
  if (useTime) {
    const [maxRss, user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    fs.rmSync(timeFile, { force: true });
    peakKb = maxRss ?? Number.NaN;
    cpuSeconds = round((user ?? Number.NaN) + (system ?? Number.NaN), 2);
  }
  return {
    statements,
    seconds: round(seconds, 2),
    perSecond: Math.round(statements / seconds),
    bytes: fs.statSync(file).size,
    peakRssMb: round(peakKb / 1024, 1),
    cpuSeconds,
    load: round(os.loadavg()[0] ?? 0, 1),
  };
}

/** The former measurement: the export in-process from the sources (tsx), peak RSS sampled inside. */
async function measureInProcess(dataDir: string, file: string): Promise<ExportFigures> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const report = await exportToFile(dataDir, 'http://aula.local:3000/', exportOptionsSchema.parse({ format: FORMAT }), file, undefined);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  return {
    statements: report.statements,
    seconds: round(seconds, 2),
    perSecond: Math.round(report.statements / seconds),
    bytes: report.bytes,
    peakRssMb: round(peak / 1024 / 1024, 1),
    cpuSeconds: round((used.user + used.system) / 1e6, 2),
    load: round(os.loadavg()[0] ?? 0, 1),
  };
}

function runInProcess(dataDir: string, file: string): ExportFigures {
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'bench', 'export.ts'), '--in-process', dataDir, file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ExportFigures;
}

function describe(label: string, f: ExportFigures): string {
  const cpu = f.cpuSeconds === null ? '' : `, CPU ${f.cpuSeconds} s`;
  return `${label}: ${f.statements.toLocaleString('en')} in ${f.seconds} s = ${f.perSecond.toLocaleString('en')}/s, peak RSS ${f.peakRssMb} MB${cpu}, load ${f.load}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const [flag, dataDirArg, fileArg] = process.argv.slice(2);
  if (flag === '--in-process' && dataDirArg && fileArg) {
    process.stdout.write(`${JSON.stringify(await measureInProcess(dataDirArg, fileArg))}\n`);
    return;
  }
  const kept = process.env.BENCH_DATA_DIR;
  const dir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-export-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, `export.${FORMAT}`);
  try {
    if (!kept || !fs.existsSync(dataDir)) {
      const seeding = Date.now();
      seedStore(dataDir, TOTAL, 1000);
      process.stderr.write(`seeded ${TOTAL.toLocaleString('en')} statements in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`);
    }
    ensureCliBundle();
    const runs: ExportFigures[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const figures = await measureCli(dataDir, file);
      runs.push(figures);
      process.stdout.write(`${describe(`aula export ${FORMAT}, run ${run}`, figures)}\n`);
    }
    const inProcess = process.env.BENCH_IN_PROCESS === '1' ? runInProcess(dataDir, file) : undefined;
    if (inProcess) process.stdout.write(`${describe(`in-process from sources ${FORMAT}`, inProcess)}\n`);
    const rates = runs.map((f) => f.perSecond);
    const peaks = runs.map((f) => f.peakRssMb);
    const summary = {
      perSecond: { min: Math.min(...rates), median: median(rates), max: Math.max(...rates) },
      peakRssMb: { min: Math.min(...peaks), median: median(peaks), max: Math.max(...peaks) },
    };
    const met = { perSecond: summary.perSecond.median >= TARGET_RATE, peakRssMb: summary.peakRssMb.max <= TARGET_RSS_MB };
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      format: FORMAT,
      command: 'node dist/cli/aula.js export',
      runs,
      summary,
      inProcess,
      targets: { perSecond: TARGET_RATE, peakRssMb: TARGET_RSS_MB },
      met,
    };
    fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench-results', 'export.json'), `${JSON.stringify(result, null, 2)}\n`);
    const n = (value: number) => value.toLocaleString('en');
    process.stdout.write(
      `aula export ${FORMAT}, ${RUNS} run(s): ${n(summary.perSecond.min)}–${n(summary.perSecond.max)}/s (median ${n(summary.perSecond.median)}; ` +
        `target ≥ ${n(TARGET_RATE)}/s: ${met.perSecond ? 'met' : 'MISSED'}), peak RSS ${summary.peakRssMb.min}–${summary.peakRssMb.max} MB ` +
        `(target ≤ ${TARGET_RSS_MB} MB in every run: ${met.peakRssMb ? 'met' : 'MISSED'})\n`,
    );
  } finally {
    if (kept) fs.rmSync(file, { force: true });
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

// `npm run bench:export`: export of 1,000,000 stored statements to ndjson (issue 6 targets: ≥ 100,000 statements/s,
// peak RSS ≤ 200 MB). The store is seeded in bulk first; the export then runs in a child process of its own, so its
// peak RSS is the export's alone. Prints the figures and writes bench-results/export.json.
// BENCH_STATEMENTS changes the size; BENCH_FORMAT another format; `--cpu-prof` is passed on with BENCH_PROFILE=1;
// BENCH_DATA_DIR=DIR keeps the seeded store there and reuses it on the next run (repeated measurements).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import { ROOT } from '../support/serve-process.js';
import { seedStore } from './seed-store.js';

const TOTAL = Number(process.env.BENCH_STATEMENTS ?? 1_000_000);
const FORMAT = process.env.BENCH_FORMAT ?? 'ndjson';
const TARGET_RATE = 100_000;
const TARGET_RSS_MB = 200;

interface ExportFigures {
  statements: number;
  seconds: number;
  perSecond: number;
  bytes: number;
  peakRssMb: number;
  /** CPU time of the export process (user + system): what the machine's other load does not inflate. */
  cpuSeconds: number;
}

/** The measured part: one export, as `aula export` runs it, into a file. */
async function measureExport(dataDir: string, file: string): Promise<ExportFigures> {
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
  // maxRSS (KiB) catches peaks between two samples.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  return {
    statements: report.statements,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(report.statements / seconds),
    bytes: report.bytes,
    peakRssMb: Math.round((peak / 1024 / 1024) * 10) / 10,
    cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
  };
}

async function main(): Promise<void> {
  const [flag, dataDir, file] = process.argv.slice(2);
  if (flag === '--export-only' && dataDir && file) {
    process.stdout.write(`${JSON.stringify(await measureExport(dataDir, file))}\n`);
    return;
  }
  const kept = process.env.BENCH_DATA_DIR;
  const dir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-export-'));
  try {
    if (!kept || !fs.existsSync(path.join(dir, 'data'))) {
      const seeding = Date.now();
      seedStore(path.join(dir, 'data'), TOTAL, 1000);
      process.stderr.write(`seeded ${TOTAL.toLocaleString('en')} statements in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`);
    }
    const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'bench-results', 'profiles')] : [];
    const output = execFileSync(
      process.execPath,
      [...profile, '--import', 'tsx', path.join(ROOT, 'test', 'bench', 'export.ts'), '--export-only', path.join(dir, 'data'), path.join(dir, `export.${FORMAT}`)],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const figures = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ExportFigures;
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      format: FORMAT,
      ...figures,
      targets: { perSecond: TARGET_RATE, peakRssMb: TARGET_RSS_MB },
      met: { perSecond: figures.perSecond >= TARGET_RATE, peakRssMb: figures.peakRssMb <= TARGET_RSS_MB },
    };
    fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench-results', 'export.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `export ${FORMAT}: ${figures.statements.toLocaleString('en')} statements in ${figures.seconds} s = ${figures.perSecond.toLocaleString('en')}/s ` +
        `(target ≥ ${TARGET_RATE.toLocaleString('en')}/s: ${result.met.perSecond ? 'met' : 'MISSED'}), ` +
        `${(figures.bytes / 1e6).toFixed(0)} MB written, peak RSS ${figures.peakRssMb} MB (target ≤ ${TARGET_RSS_MB} MB: ${result.met.peakRssMb ? 'met' : 'MISSED'}), ` +
        `CPU ${figures.cpuSeconds} s (${Math.round(figures.statements / figures.cpuSeconds).toLocaleString('en')} statements per CPU-second), load ${os.loadavg()[0]?.toFixed(1)}\n`,
    );
  } finally {
    if (kept) fs.rmSync(path.join(dir, `export.${FORMAT}`), { force: true });
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

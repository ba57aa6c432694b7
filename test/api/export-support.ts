import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';
import type { Collector } from '../../server/index.js';
import { type Activity, createActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AULA = path.join(ROOT, 'bin', 'aula.js');

/** What a classroom produced: two activities, three anonymous players (one with two sessions), odd RAGE data. */
export interface Classroom {
  maths: Activity;
  history: Activity;
  starts: StartAnswer[];
  /** Statements sent, in order, per start. */
  sent: number[];
}

export function gameStatements(start: StartAnswer, count: number, extra: Record<string, unknown> = {}): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    actor: start.actor,
    verb: { id: i % 2 === 0 ? 'http://adlnet.gov/expapi/verbs/progressed' : 'https://w3id.org/xapi/adb/verbs/selected' },
    object: { id: `${start.objectId}/area/room ${i}`, definition: { type: 'area' } },
    timestamp: new Date(Date.UTC(2026, 10, 26, 9, 0, i)).toISOString(),
    result: {
      response: i === 1 ? '=HYPERLINK("http://evil.example","click")' : `option${i}`,
      score: { raw: i },
      extensions: { custom_ext: `value ${i}`, 'https://w3id.org/xapi/seriousgames/extensions/progress': i / count },
    },
    ...extra,
  }));
}

export async function seedClassroom(collector: Collector): Promise<Classroom> {
  const db = collector.context.db;
  const maths = createActivity(db, { name: 'Maths 3B', game: 'Number Quest' });
  const history = createActivity(db, { name: 'History 2A', game: 'Time Travel' });
  const base = collector.url;
  const a = await startOk(base, maths.trackingCode);
  const b = await startOk(base, maths.trackingCode);
  const a2 = await startOk(base, maths.trackingCode, { body: { anonymous: a.playerId } });
  const c = await startOk(base, history.trackingCode);
  const starts = [a, b, a2, c];
  const sent = [5, 3, 4, 6];
  for (const [index, start] of starts.entries()) {
    const answer = await track(base, start.authToken, gameStatements(start, sent[index] ?? 0));
    if (answer.status !== 200) throw new Error(`track answered ${answer.status} ${answer.text}`);
  }
  return { maths, history, starts, sent };
}

/** A writable that keeps everything, for exports into memory. */
export function memorySink(): { stream: PassThrough; text: () => string; buffer: () => Buffer } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), buffer: () => Buffer.concat(chunks) };
}

/** Every entry of a zip bundle, by name. */
export async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `aula export …` as a user runs it (bin/aula.js: the compiled bundle while it is newer than the sources), with the
 * collector's home page. Never throws for an exit code: tests read it.
 */
export function aulaExport(dataDir: string, homePage: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [AULA, 'export', '--data-dir', dataDir, ...args],
      { cwd: ROOT, env: { ...process.env, AULA_HOME_PAGE: homePage }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A classroom laptop's day (seedClassroom) in the zip bundle Data → Export gives, that laptop then closed. */
export async function classroomBundle(): Promise<{ classroom: Classroom; bundle: string }> {
  const classroomLaptop = await startTestCollector();
  const classroom = await seedClassroom(classroomLaptop);
  const bundle = path.join(tempDir(), 'monday.zip');
  fs.writeFileSync(bundle, Buffer.from(await (await fetch(`${classroomLaptop.url}/admin/api/data/export?format=zip`)).arrayBuffer()));
  await classroomLaptop.close();
  return { classroom, bundle };
}

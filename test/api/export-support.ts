import { PassThrough } from 'node:stream';
import type { Collector } from '../../server/index.js';
import { type Activity, createActivity } from '../../server/store/activities-repo.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';

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

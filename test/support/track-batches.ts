import type { Collector } from '../../server/index.js';
import { type StartAnswer, track } from './rage.js';
import { requestHead } from './raw-http.js';

/** A compact tracker batch of at least `bytes` bytes, each statement's object id tagged so it can be found again. */
export function taggedBatch(started: StartAnswer, tag: string, bytes: number): { body: string; count: number } {
  const statements: string[] = [];
  let length = 2;
  while (length < bytes) {
    const statement = JSON.stringify({
      actor: started.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/interacted' },
      object: { id: `${started.objectId}/item/${tag}-${statements.length}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/item' } },
      timestamp: new Date(1_700_000_000_000 + statements.length).toISOString(),
    });
    statements.push(statement);
    length += statement.length + 1;
  }
  return { body: `[${statements.join(',')}]`, count: statements.length };
}

/** How many of the statements built by taggedBatch with this tag are stored. */
export function storedWithTag(collector: Collector, tag: string): number {
  return (collector.context.db.prepare('SELECT count(*) AS n FROM statements WHERE object_id LIKE ?').get(`%/item/${tag}-%`) as { n: number }).n;
}

/** The head of a track request for `body` (which is written after it, whole or in pieces); `extra` headers last. */
export function trackHead(started: StartAnswer, body: string, extra: Array<[string, string]> = []): string {
  return requestHead('POST', '/api/collector/track', [
    ['Host', 'aula.test'],
    ['Authorization', started.authToken],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(Buffer.byteLength(body))],
    ...extra,
  ]);
}

/**
 * The session sends a first small batch, so that its next backlog over the in-flight budget is refused at once with
 * 503, as a returning game's is: a session's very first batch, sent without Expect, waits for room instead
 * (track-route.ts mustNotBeRefused).
 */
export async function afterFirstBatch(base: string, started: StartAnswer): Promise<void> {
  const answer = await track(base, started.authToken, JSON.parse(taggedBatch(started, 'first', 500).body));
  if (answer.status !== 200) throw new Error(`the first batch was answered ${answer.status}: ${answer.text}`);
}

/**
 * Fifty statements of about 450 bytes (`serial` keeps each batch's object ids apart): a few batches fill the pages a
 * test gives the database with `setMaxPages`, as a full disk would.
 */
export function diskFillingBatch(player: StartAnswer, serial: number): unknown[] {
  return Array.from({ length: 50 }, (_, index) => ({
    actor: player.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${player.objectId}/level/s${serial}-i${index}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    result: { extensions: { filler: 'x'.repeat(400) } },
    timestamp: new Date().toISOString(),
  }));
}

/** Wrong answers, one a second: with the rule "wrong answers in a row" on, each raises an alert. */
export function wrongAnswers(start: StartAnswer, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    actor: start.actor,
    verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
    object: { id: `${start.objectId}/question/q${i}`, definition: { type: 'http://adlnet.gov/expapi/activities/question' } },
    timestamp: new Date(Date.UTC(2026, 2, 2, 9, 0, i)).toISOString(),
    result: { response: `option${i}`, success: false },
  }));
}

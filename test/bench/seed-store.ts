import { ResultsAccumulator, writeDeltas } from '../../server/results/results-accumulator.js';
import { writeResultsThrough } from '../../server/results/results-watermark.js';
import { statementFact } from '../../server/rules/rule-facts.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { openDatabase } from '../../server/store/open-database.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { insertBatch, insertPlainRows, newestSeq, type PlainRowFields, type StoredBatch } from '../../server/store/statement-rows.js';
import { trackerBatch } from './load-client.js';

export interface SeedStatement {
  verb: { id: string };
  object: { id: string };
  timestamp: string;
}

/** The stored row of a tracker-shaped statement without an id of its own, as ingest writes it. */
export function plainRow(statement: SeedStatement): PlainRowFields {
  return { verbId: statement.verb.id, objectId: statement.object.id, registration: null, timestamp: statement.timestamp, json: JSON.stringify(statement) };
}

/**
 * Fills a data folder with `total` statements over `sessions` sessions of one activity, straight into the tables
 * with the counters and results the collector would have maintained: how a store looks after a term of classes.
 */
export function seedStore(dataDir: string, total: number, sessions: number): { trackingCode: string } {
  const db = openDatabase(dataDir);
  const activity = createActivity(db, { name: 'Large store', game: 'Seeded' });
  const opened = db.transaction(() =>
    Array.from({ length: sessions }, () => {
      const player = createAnonymousPlayer(db);
      return { player, session: openSession(db, { activityId: activity.id, versionId: activity.versionId }, player) };
    }),
  )();
  const perBatch = 10_000;
  const actor = { account: { homePage: 'http://aula.local:3000/', name: 'Anonymous' }, name: 'seeded-player' };
  const objectId = `http://aula.local:3000/api/proxy/gleaner/games/${activity.gameId}/${activity.versionId}`;
  const template = JSON.parse(trackerBatch(actor, objectId, 10, 0)) as SeedStatement[];
  const facts = template.map((statement) => statementFact(statement));
  const results = new ResultsAccumulator();
  let written = 0;
  const stored = new Date().toISOString();
  while (written < total) {
    db.transaction(() => {
      // As games send them: requests of 10 statements (a row each, one batch row per request), sessions in turn.
      let batch: StoredBatch | undefined;
      for (let i = 0; i < perBatch && written < total; i++, written++) {
        const { session, player } = opened[Math.floor(written / 10) % sessions] as (typeof opened)[number];
        if (written % 10 === 0) {
          batch = insertBatch(db, { sessionId: session.sessionId, activityId: activity.id, playerId: player.id, stored, source: 'rage' });
        }
        const statement = template[written % template.length] as SeedStatement;
        insertPlainRows(db, batch as StoredBatch, [plainRow(statement)]);
        results.add(activity.id, player.id, facts[written % template.length] as (typeof facts)[number]);
      }
    })();
  }
  const perSession = Math.floor(total / sessions);
  db.prepare('UPDATE sessions SET statements = ? WHERE activity_id = ?').run(perSession, activity.id);
  db.prepare('UPDATE players SET statements = ?').run(perSession);
  db.prepare('UPDATE activities SET statements = ? WHERE id = ?').run(total, activity.id);
  db.transaction(() => {
    const deltas = results.take();
    writeDeltas(db, deltas.results, deltas.answers, stored);
    writeResultsThrough(db, newestSeq(db));
  })();
  db.close();
  return { trackingCode: activity.trackingCode };
}

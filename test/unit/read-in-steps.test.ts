import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readStatements } from '../../server/admin/read-statements.js';
import { findActivityByCode } from '../../server/store/activities-repo.js';
import { type Db, openDatabase } from '../../server/store/open-database.js';
import { insertBatch, insertPlainRows } from '../../server/store/statement-rows.js';
import { type QueryRow, queryStatements, type StoreQuery } from '../../server/store/xapi-query-repo.js';
import { verbIdsServedAs } from '../../server/xapi/served-iri-preimages.js';
import { plainRow, seedStore } from '../bench/seed-store.js';
import { tempDir } from '../support/temp-dir.js';

const HOME = 'http://aula.local:3000/';
const NAMESPACE = 'http://aula.local:3000/xapi';
const INTERACTED = 'http://adlnet.gov/expapi/verbs/interacted';

let db: Db;
let activityId: string;
let all: Array<{ seq: number; verbId: string }>;

before(() => {
  const dir = tempDir();
  // Two activities, so the walk's steps must count only the queried activity's statements.
  seedStore(dir, 300, 3);
  const { trackingCode } = seedStore(dir, 1_000, 10);
  db = openDatabase(dir);
  activityId = (findActivityByCode(db, trackingCode) as { id: string }).id;
  all = db
    .prepare('SELECT seq, verb_id AS verbId FROM statements WHERE activity_id = ? ORDER BY seq')
    .all(activityId) as Array<{ seq: number; verbId: string }>;
});
after(() => db.close());

function query(overrides: Partial<StoreQuery>): StoreQuery {
  const verb = overrides.verb;
  return {
    activityId,
    relatedActivities: false,
    relatedAgents: false,
    ascending: false,
    take: 50,
    rage: { homePage: HOME, namespace: NAMESPACE, agentPlayers: [], agentIsCollector: false, verbIds: verb ? verbIdsServedAs(verb, NAMESPACE) : [], objectIds: [] },
    ...overrides,
  };
}

/** What the page must be, from all of the activity's rows filtered here in JavaScript. */
function expected(q: StoreQuery): number[] {
  const ordered = q.ascending ? all : [...all].reverse();
  return ordered
    .filter((row) => q.verb === undefined || row.verbId === q.verb)
    .filter((row) => q.ceiling === undefined || row.seq <= q.ceiling)
    .filter((row) => q.after === undefined || (q.ascending ? row.seq > q.after : row.seq < q.after))
    .slice(0, q.take)
    .map((row) => row.seq);
}

const seqs = (rows: QueryRow[]) => rows.map((row) => row.seq);

describe('xAPI GET walks an activity in steps (issue 8: the event loop gets its turn between them)', () => {
  it('returns the same page in steps as a JavaScript filter of every row, in both orders, with paging bounds', async () => {
    const middle = (all[500] as { seq: number }).seq;
    const newest = (all.at(-1) as { seq: number }).seq;
    for (const ascending of [false, true]) {
      for (const verb of [undefined, INTERACTED, 'http://example.com/never-sent']) {
        for (const bounds of [{}, { after: middle }, { ceiling: middle }, { after: middle - 300, ceiling: middle + 300 }, { ceiling: newest }]) {
          for (const stepRows of [7, 64, 5_000]) {
            const q = query({ ascending, verb, take: 40, ...bounds });
            const label = JSON.stringify({ ascending, verb, ...bounds, stepRows });
            assert.deepEqual(seqs(await queryStatements(db, q, { stepRows, pause: async () => {} })), expected(q), label);
          }
        }
      }
    }
  });

  it('pauses between steps, one step per stepRows statements walked, and stops as soon as the page is full', async () => {
    let pauses = 0;
    const count = async () => {
      pauses++;
    };
    const none = await queryStatements(db, query({ verb: 'http://example.com/never-sent' }), { stepRows: 100, pause: count });
    assert.deepEqual(none, []);
    assert.equal(pauses, 10, 'the activity has 1,000 statements: a pause after each full step of 100');
    pauses = 0;
    const common = await queryStatements(db, query({ verb: INTERACTED, take: 10 }), { stepRows: 100, pause: count });
    assert.equal(common.length, 10);
    assert.equal(pauses, 0, 'a common verb fills the page in the first step');
  });

  it('keeps statements committed during its pauses out of the page (they are above its ceiling)', async () => {
    const ceiling = (all.at(-1) as { seq: number }).seq;
    const session = db.prepare('SELECT id AS sessionId, player_id AS playerId FROM sessions WHERE activity_id = ? LIMIT 1').get(activityId) as {
      sessionId: number;
      playerId: string;
    };
    const addInteraction = async () => {
      const batch = insertBatch(db, { ...session, activityId, stored: new Date().toISOString(), source: 'rage' });
      insertPlainRows(db, batch, [plainRow({ verb: { id: INTERACTED }, object: { id: 'http://example.com/late' }, timestamp: new Date().toISOString() })]);
    };
    const q = query({ verb: INTERACTED, ascending: true, ceiling, take: 1_000 });
    const rows = await queryStatements(db, q, { stepRows: 50, pause: addInteraction });
    assert.deepEqual(seqs(rows), expected(q));
    assert.ok(rows.every((row) => row.seq <= ceiling));
    const late = db.prepare("SELECT count(*) AS n FROM statements WHERE object_id = 'http://example.com/late'").get() as { n: number };
    assert.ok(late.n > 0, 'statements were committed while the query paused');
  });
});

describe('the dashboard reads statements filtered by verb in steps too', () => {
  it('returns the same page as a JavaScript filter of every row, for the whole store and for one activity, with paging', async () => {
    const store = db.prepare('SELECT seq, verb_id AS verbId, activity_id AS activityId FROM statements ORDER BY seq DESC').all() as Array<{
      seq: number;
      verbId: string;
      activityId: string;
    }>;
    const middle = (store[700] as { seq: number }).seq;
    for (const onlyActivity of [false, true]) {
      for (const verbId of [INTERACTED, 'http://adlnet.gov/expapi/verbs/progressed', 'http://example.com/never-sent']) {
        for (const before of [undefined, middle]) {
          for (const stepRows of [5, 97, 5_000]) {
            const filter = { verbId, before, limit: 30, ...(onlyActivity ? { activityId } : {}) };
            const expectedSeqs = store
              .filter((row) => row.verbId === verbId && (!onlyActivity || row.activityId === activityId) && (before === undefined || row.seq < before))
              .slice(0, 30)
              .map((row) => row.seq);
            const rows = await readStatements(db, filter, { stepRows, pause: async () => {} });
            assert.deepEqual(
              rows.map((row) => row.seq),
              expectedSeqs,
              JSON.stringify({ onlyActivity, verbId, before, stepRows }),
            );
          }
        }
      }
    }
  });

  it('pauses between the steps of a verb no one sent, over the whole store', async () => {
    let pauses = 0;
    const rows = await readStatements(db, { verbId: 'http://example.com/never-sent', limit: 50 }, { stepRows: 100, pause: async () => void pauses++ });
    assert.deepEqual(rows, []);
    const { n } = db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
    assert.ok(pauses >= Math.floor(n / 100) - 1, `${n} statements in steps of 100: ${pauses} pauses`);
  });
});

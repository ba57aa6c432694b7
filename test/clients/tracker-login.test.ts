import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { storedFor } from '../support/stored.js';

const run = promisify(execFile);
const DRIVER = path.resolve(import.meta.dirname, 'tracker-login-driver.cjs');

interface LoginRun {
  loggedIn: boolean;
  userTokenIsBearer?: boolean;
  started?: boolean;
  auth?: string;
  playerId?: string;
  session?: number;
  actor?: { account: { homePage: string; name: string }; name: string };
  flushed?: boolean;
  pending?: number;
}

/** js-tracker 0.9.2 in a child process: it patches built-in prototypes, never load it here (real-clients.md §8.1). */
async function playAs(collector: Collector, code: string, username: string, password: string): Promise<LoginRun> {
  const { stdout } = await run(process.execPath, [DRIVER, `${collector.url}/`, code, username, password], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as LoginRun;
}

describe('js-tracker 0.9.2 logging in with its own Login() (issue 3)', () => {
  let collector: Collector;
  let activity: Activity;
  before(async () => {
    collector = await startTestCollector({ homePage: 'http://aula.test/' });
    const { db, writer } = collector.context;
    const classroom = await writer.run((tx) => createClass(tx, '3B'));
    await createAccounts(db, (job) => writer.run(job), classroom.id, [
      { username: 'ana', password: 'ana-pass' },
      { username: 'bruno', password: 'bruno-pass' },
    ]);
    // Class-only: only a real login gets in.
    activity = makeActivity(db, { name: 'Fractions', classId: classroom.id, allowAnonymous: false });
  });

  test('the same student twice gets sessions 1 and 2, a second student 1; statements are stored under the username', async () => {
    const first = await playAs(collector, activity.trackingCode, 'Ana', 'ana-pass');
    assert.equal(first.loggedIn, true);
    assert.equal(first.userTokenIsBearer, true);
    assert.equal(first.started, true);
    assert.equal(first.playerId, 'ana');
    assert.equal(first.session, 1);
    assert.deepEqual(first.actor, { account: { homePage: 'http://aula.test/', name: 'ana' }, name: 'ana' });
    assert.equal(first.flushed, true);
    assert.equal(first.pending, 0);

    const second = await playAs(collector, activity.trackingCode, 'ana', 'ana-pass');
    assert.equal(second.session, 2);
    assert.equal(second.playerId, 'ana');
    const other = await playAs(collector, activity.trackingCode, 'bruno', 'bruno-pass');
    assert.equal(other.session, 1);
    assert.equal(other.playerId, 'bruno');

    for (const [runResult, name] of [
      [first, 'ana'],
      [second, 'ana'],
      [other, 'bruno'],
    ] as const) {
      const stored = storedFor(collector.context.db, runResult.auth as string);
      assert.equal(stored.length, 3, `statements of ${name}'s session`);
      for (const row of stored) assert.equal(row.statement.actor.account.name, name);
    }
  });

  test('a wrong password: Login() reports failure, and the anonymous start that follows is refused by the class-only activity', async () => {
    const failed = await playAs(collector, activity.trackingCode, 'ana', 'wrong');
    assert.equal(failed.loggedIn, false);
    assert.equal(failed.started, false);
    // Refusals are recorded in the background, on the writer thread.
    await collector.context.ingest.idle();
    const refused = collector.context.db
      .prepare("SELECT count(*) AS n FROM rejected_requests WHERE route = 'start' AND status = 401")
      .get() as { n: number };
    assert.equal(refused.n, 1);
  });
});

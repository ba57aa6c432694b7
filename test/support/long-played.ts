import assert from 'node:assert/strict';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { findAnonymousPlayer, type Player } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { makeActivity } from './fixtures.js';
import { startOk } from './rage.js';
import { storeIdleWarnings } from './stored-alerts.js';

/**
 * A student's game with more alerts than the lists show: an anonymous player's one session in a new activity, with
 * `count` Idle warnings stored as the rules engine stores them.
 */
export async function playerWithIdleWarnings(collector: Collector, activityName: string, count: number): Promise<{ activity: Activity; player: Player }> {
  const { db } = collector.context;
  const activity = makeActivity(db, { name: activityName });
  const started = await startOk(collector.url, activity.trackingCode);
  const player = findAnonymousPlayer(db, started.playerId);
  assert.ok(player);
  const session = db.prepare('SELECT id FROM sessions WHERE player_id = ?').get(player.id) as { id: number };
  storeIdleWarnings(db, { activityId: activity.id, sessionId: session.id, playerId: player.id }, count);
  return { activity, player };
}

/**
 * A student who played all term: one session in "Autumn quiz" early on, then 200 in "All term", so the autumn one is
 * older than the 200 most recent a player's page lists.
 */
export async function playerOfAllTerm(collector: Collector): Promise<{ autumn: Activity; term: Activity; player: Player }> {
  const { db } = collector.context;
  const autumn = makeActivity(db, { name: 'Autumn quiz' });
  const term = makeActivity(db, { name: 'All term' });
  const first = await startOk(collector.url, autumn.trackingCode);
  const player = findAnonymousPlayer(db, first.playerId);
  assert.ok(player);
  db.transaction(() => {
    for (let i = 0; i < 200; i++) openSession(db, { activityId: term.id, versionId: term.versionId }, player);
  })();
  return { autumn, term, player };
}

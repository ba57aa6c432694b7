import type { StateCounts, UploadStateName } from '../admin/api-types.js';
import type { StatementWhere } from '../export/filters.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { newRowId } from '../util/random-ids.js';
import { endpointWithoutCredentials } from './lrs-endpoint.js';

export type { StateCounts, UploadStateName };

/**
 * The endpoint as an LRS names its statements API, for telling whether two spellings are one LRS: the scheme and
 * host in any case (URLs ignore it), and the xAPI segment at its end (`/xAPI`, `/xapi`: LRSs answer both). The rest
 * of the path keeps its case: a store or tenant segment may be case-sensitive, and two stores must stay two targets.
 */
function sameLrsKey(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint;
  }
  const path = url.pathname.replace(/\/xapi\/?$/i, '/xapi');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/**
 * The target row for an endpoint + key (created on first use); its password is never stored. An endpoint typed again
 * in another case (`/xapi` for `/xAPI`, an upper-case host) is the same LRS: as a new target, every statement would be
 * sent to it again. The spelling first used stays the one shown.
 */
export function findOrCreateTarget(db: Db, endpoint: string, username: string, now: string): string {
  const targets = prepared<[string], { id: string; endpoint: string }>(
    db,
    'SELECT id, endpoint FROM upload_targets WHERE username = ? ORDER BY created',
  ).all(username);
  const known = targets.find((target) => target.endpoint === endpoint) ?? targets.find((target) => sameLrsKey(target.endpoint) === sameLrsKey(endpoint));
  if (known) return known.id;
  prepared(db, 'INSERT INTO upload_targets (id, endpoint, username, created) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
    newRowId(),
    endpoint,
    username,
    now,
  );
  const row = prepared<[string, string], { id: string }>(db, 'SELECT id FROM upload_targets WHERE endpoint = ? AND username = ?').get(
    endpoint,
    username,
  );
  return (row as { id: string }).id;
}

/** Every statement the filters select that this target has never seen becomes pending (rule 2: state per statement). */
export function seedPending(db: Db, targetId: string, where: StatementWhere, now: string): number {
  const clause = where.sql === '' ? 'WHERE' : `${where.sql} AND`;
  return db
    .prepare(
      `INSERT INTO upload_state (target_id, statement_seq, state, updated)
       SELECT ?, s.seq, 'pending', ? FROM statements s ${clause}
         NOT EXISTS (SELECT 1 FROM upload_state u WHERE u.target_id = ? AND u.statement_seq = s.seq)`,
    )
    .run(targetId, now, ...where.params, targetId).changes;
}

/**
 * The statements this LRS rejected last time are tried again: the LRS's administrator may have raised its size limit
 * or relaxed its validation since, and the researcher's way to send them is to run the upload again. (Left
 * `rejected`, they never reached the LRS, however often the upload ran.) Those still refused are rejected again,
 * with the LRS's message of this run.
 */
export function requeueRejected(db: Db, targetId: string, where: StatementWhere, now: string): number {
  const clause = where.sql === '' ? 'WHERE' : `${where.sql} AND`;
  return db
    .prepare(
      `UPDATE upload_state SET state = 'pending', updated = ?
       WHERE target_id = ? AND state = 'rejected' AND statement_seq IN (SELECT s.seq FROM statements s ${clause} 1)`,
    )
    .run(now, targetId, ...where.params).changes;
}

export function markState(
  db: Db,
  targetId: string,
  seqs: ReadonlyArray<number>,
  state: UploadStateName,
  status: number | null,
  message: string | null,
  now: string,
): void {
  const update = prepared(
    db,
    'UPDATE upload_state SET state = ?, status = ?, message = ?, updated = ? WHERE target_id = ? AND statement_seq = ?',
  );
  for (const seq of seqs) update.run(state, status, message, now, targetId, seq);
}

export function stateCounts(db: Db, targetId: string, where: StatementWhere): StateCounts {
  const rows = db
    .prepare(
      `SELECT u.state, count(*) AS n FROM upload_state u JOIN statements s ON s.seq = u.statement_seq
       ${where.sql === '' ? 'WHERE' : `${where.sql} AND`} u.target_id = ? GROUP BY u.state`,
    )
    .all(...where.params, targetId) as Array<{ state: UploadStateName; n: number }>;
  const counts: StateCounts = { pending: 0, sent: 0, conflict: 0, rejected: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/**
 * Takes a `KEY:SECRET@` out of the endpoints of targets stored before Aula took it out on the way in. Such a target
 * never sent anything (fetch refuses a URL with credentials), so when the same endpoint and key is stored without
 * it, the old row and its pending states simply go. Returns how many targets were changed.
 */
export function forgetCredentialsInTargets(db: Db): number {
  const rows = prepared<[], { id: string; endpoint: string; username: string }>(
    db,
    "SELECT id, endpoint, username FROM upload_targets WHERE endpoint LIKE '%@%'",
  ).all();
  let changed = 0;
  for (const row of rows) {
    const endpoint = endpointWithoutCredentials(row.endpoint);
    if (endpoint === row.endpoint) continue;
    const twin = prepared<[string, string], { id: string }>(db, 'SELECT id FROM upload_targets WHERE endpoint = ? AND username = ?').get(
      endpoint,
      row.username,
    );
    if (twin) prepared(db, 'DELETE FROM upload_targets WHERE id = ?').run(row.id);
    else prepared(db, 'UPDATE upload_targets SET endpoint = ? WHERE id = ?').run(endpoint, row.id);
    changed++;
  }
  return changed;
}

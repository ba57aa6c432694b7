import type { ActivityRecord } from '../admin/api-types.js';
import { type Wording, word, wording } from '../i18n/wording.js';
import { newRowId } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import { findOrCreateGame, newUniqueTrackingCode } from './games-repo.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { createXapiCredential } from './xapi-credentials-repo.js';

/** The admin API answers with the same shape, so it is declared with the answers (api-types.ts). */
export type Activity = ActivityRecord;

interface ActivityRow extends Omit<Activity, 'allowAnonymous' | 'open'> {
  allowAnonymous: number;
  open: number;
}

const ACTIVITY_SELECT = `SELECT a.id, a.name, a.tracking_code AS trackingCode, a.allow_anonymous AS allowAnonymous, a.open,
    a.game_id AS gameId, g.title AS game, a.version_id AS versionId, a.class_id AS classId, c.name AS className,
    a.created, a.opened, a.closed, a.statements, a.sessions, a.players, a.anonymous_players AS anonymousPlayers,
    a.last_seen AS lastSeen
  FROM activities a JOIN games g ON g.id = a.game_id LEFT JOIN classes c ON c.id = a.class_id`;

function fromRow(row: ActivityRow): Activity {
  return { ...row, allowAnonymous: row.allowAnonymous === 1, open: row.open === 1 };
}

export interface NewActivity {
  name: string;
  game?: string | undefined;
  classId?: string | null | undefined;
  allowAnonymous?: boolean | undefined;
  open?: boolean | undefined;
}

export function createActivity(db: Db, input: NewActivity): Activity {
  const create = db.transaction(() => {
    const game = findOrCreateGame(db, input.game?.trim() || input.name);
    const id = newRowId();
    const now = isoNow();
    const open = input.open ?? true;
    prepared(
      db,
      `INSERT INTO activities (id, name, game_id, version_id, class_id, tracking_code, allow_anonymous, open, created, opened)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.name,
      game.gameId,
      game.versionId,
      input.classId ?? null,
      newUniqueTrackingCode(db),
      input.allowAnonymous === false ? 0 : 1,
      open ? 1 : 0,
      now,
      open ? now : null,
    );
    // Every activity gets its own xAPI key and secret (xapi.md ).
    createXapiCredential(db, id, input.name);
    return id;
  });
  return getActivity(db, create.immediate()) as Activity;
}

export function getActivity(db: Db, id: string): Activity | undefined {
  const row = prepared<[string], ActivityRow>(db, `${ACTIVITY_SELECT} WHERE a.id = ?`).get(id);
  return row && fromRow(row);
}

/** Only what the access rules need (C-5.5, and whether new sessions are taken): read on every track, so no joins. */
export function getActivityAccess(db: Db, id: string): { allowAnonymous: boolean; classId: string | null; open: boolean } | undefined {
  const row = prepared<[string], { allowAnonymous: number; classId: string | null; open: number }>(
    db,
    'SELECT allow_anonymous AS allowAnonymous, class_id AS classId, open FROM activities WHERE id = ?',
  ).get(id);
  return row && { allowAnonymous: row.allowAnonymous === 1, classId: row.classId, open: row.open === 1 };
}

export function findActivityByCode(db: Db, trackingCode: string): Activity | undefined {
  const row = prepared<[string], ActivityRow>(db, `${ACTIVITY_SELECT} WHERE a.tracking_code = ?`).get(trackingCode);
  return row && fromRow(row);
}

export function listActivities(db: Db): Activity[] {
  return prepared<[], ActivityRow>(db, `${ACTIVITY_SELECT} ORDER BY a.created, a.rowid`).all().map(fromRow);
}

export interface ActivityChanges {
  name?: string | undefined;
  /** null: no class (anyone may join, anonymous players as allowed). */
  classId?: string | null | undefined;
  allowAnonymous?: boolean | undefined;
}

/**
 * Renames an activity, gives it another class (or none) or changes whether anonymous players may join. Its game
 * stays: sessions and statements already stored name the game's version. The access rule is evaluated on every
 * start and track (C-5.5), so games already playing follow the change. Undefined when there is no such activity.
 */
export function updateActivity(db: Db, id: string, changes: ActivityChanges): Activity | undefined {
  const { changes: found } = prepared(
    db,
    `UPDATE activities SET name = coalesce(?, name),
       class_id = CASE WHEN ? THEN ? ELSE class_id END,
       allow_anonymous = coalesce(?, allow_anonymous)
     WHERE id = ?`,
  ).run(
    changes.name ?? null,
    changes.classId === undefined ? 0 : 1,
    changes.classId ?? null,
    changes.allowAnonymous === undefined ? null : changes.allowAnonymous ? 1 : 0,
    id,
  );
  return found === 0 ? undefined : getActivity(db, id);
}

export class ActivityHasDataError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(readonly activity: Activity) {
    const counts = wording('activity.sessionsAndStatements', {
      sessions: wording('activity.sessions', { count: activity.sessions }),
      statements: wording('activity.statements', { count: activity.statements }),
    });
    const said = wording('activity.hasData', { name: activity.name, sessions: counts });
    super(word(said));
    this.wording = said;
  }
}

/**
 * Deletes an activity no game ever played (one created by mistake or to try Aula out), with its xAPI credentials;
 * its tracking code stops working. ActivityHasDataError when any session or statement names it: the
 * counters are not trusted for this, the rows are looked at. Undefined when there is no such activity. Run it inside
 * one write job, so the check and the delete see the same rows.
 */
export function deleteUnplayedActivity(db: Db, id: string): Activity | undefined {
  const found = getActivity(db, id);
  if (!found) return undefined;
  if (wasPlayed(db, id)) throw new ActivityHasDataError(found);
  // Its xAPI credentials go by their foreign key (ON DELETE CASCADE; openDatabase turns foreign keys on).
  prepared(db, 'DELETE FROM activities WHERE id = ?').run(id);
  return found;
}

/** A gameplay comes with its first session, so sessions and statements tell it; both are indexed by activity. */
export function wasPlayed(db: Db, id: string): boolean {
  return (
    prepared<[string, string], { one: number }>(
      db,
      `SELECT 1 AS one WHERE EXISTS (SELECT 1 FROM sessions WHERE activity_id = ?)
         OR EXISTS (SELECT 1 FROM statement_rows WHERE activity_id = ?)`,
    ).get(id, id) !== undefined
  );
}

/** Opening again after a close keeps `closed` as the last close; the teacher sees when it reopened. */
export function setActivityOpen(db: Db, trackingCode: string, open: boolean): Activity | undefined {
  const now = isoNow();
  const sql = open
    ? 'UPDATE activities SET open = 1, opened = ? WHERE tracking_code = ?'
    : 'UPDATE activities SET open = 0, closed = ? WHERE tracking_code = ?';
  const { changes } = prepared(db, sql).run(now, trackingCode);
  return changes === 0 ? undefined : findActivityByCode(db, trackingCode);
}

export function isClassMember(db: Db, classId: string, studentId: string): boolean {
  return (
    prepared<[string, string], { one: number }>(
      db,
      'SELECT 1 AS one FROM class_members WHERE class_id = ? AND student_id = ?',
    ).get(classId, studentId) !== undefined
  );
}

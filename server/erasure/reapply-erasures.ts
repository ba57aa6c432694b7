import Database from 'better-sqlite3';
import { schemaVersion } from '../store/migrations/index.js';
import { databaseFile, openDatabase } from '../store/open-database.js';
import { ActivityErasureError, eraseActivity } from './erase-activity.js';
import { ErasureError, erasePlayer } from './erase-player.js';

export interface ReappliedErasures {
  /** Erasures recorded in the replaced database whose data the restored backup held, erased again now. */
  reapplied: number;
  /**
   * What the restored backup still holds of an erasure and could not be erased again here (a backup of an older schema,
   * a game version's gameplay): the `aula player erase` command that erases each, by internal ids (never names).
   */
  left: string[];
  /** Why some could not be erased again, in one sentence; null when none. */
  problem: string | null;
}

interface Erased {
  kind: 'player' | 'gameplay';
  id: string;
  erasureId: number;
}

interface WholeActivity {
  erasureId: number;
  activityId: string;
}

/** Whose data an erased id was, in the restored database: the player, and the activity for a gameplay. */
interface Target {
  player: string;
  activity: string | null;
}

function targetOf(db: Database.Database, row: Erased): Target | undefined {
  const sql =
    row.kind === 'player'
      ? 'SELECT id AS player, NULL AS activity FROM players WHERE id = ?'
      : 'SELECT player_id AS player, activity_id AS activity FROM gameplays WHERE id = ?';
  return db.prepare(sql).get(row.id) as Target | undefined;
}

function eraseCommand(row: Erased & Target): string {
  if (row.kind === 'player') return `aula player erase ${row.player} --yes`;
  if (row.activity) return `aula player erase ${row.player} --activity ${row.activity} --yes`;
  // Sessions started with a game version's code belong to no activity: erasing them means erasing the player everywhere.
  return `aula player erase ${row.player} --yes   (its sessions started with a game version's code)`;
}

function activityExists(dataDir: string, activityId: string): boolean {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM activities WHERE id = ?').get(activityId) !== undefined;
  } finally {
    db.close();
  }
}

/** What the replaced database says was erased: the ids every erasure remembers, and the whole-activity erasures. */
function readErased(replaced: string): { ids: Erased[]; activities: WholeActivity[] } {
  const db = new Database(replaced, { readonly: true, fileMustExist: true });
  try {
    const ids = db.prepare('SELECT kind, id, erasure_id AS erasureId FROM erased_ids ORDER BY erasure_id').all() as Erased[];
    const activities = db
      .prepare("SELECT id AS erasureId, activity_id AS activityId FROM erasures WHERE scope = 'whole-activity' AND activity_id IS NOT NULL ORDER BY id")
      .all() as WholeActivity[];
    return { ids, activities };
  } finally {
    db.close();
  }
}

/**
 * After `aula restore`: a backup made before an erasure brings back what it erased. The replaced database (kept aside)
 * remembers what every erasure removed (erased_ids, by internal ids, never names): those still in the restored
 * database are erased again, with the same guarantees (freed pages zeroed, WAL checkpointed) and an entry each in the
 * erasure log ("erased by: restore"). A backup of an older schema is left as it is (this version's erasure needs the
 * upgraded tables, and the upgrade keeps a copy first): the ids left are listed for `aula player erase`.
 */
export function reapplyErasures(dataDir: string, replaced: string, nowIso: string): ReappliedErasures {
  let erased: ReturnType<typeof readErased>;
  try {
    erased = readErased(replaced);
  } catch (error) {
    return { reapplied: 0, left: [], problem: `The replaced database could not be read to erase again what it had erased (${(error as Error).message}).` };
  }
  if (erased.ids.length === 0 && erased.activities.length === 0) return { reapplied: 0, left: [], problem: null };
  const restored = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  let version: number;
  let present: Array<Erased & Target>;
  try {
    version = restored.pragma('user_version', { simple: true }) as number;
    present = erased.ids.flatMap((row) => {
      const target = targetOf(restored, row);
      return target ? [{ ...row, ...target }] : [];
    });
  } finally {
    restored.close();
  }
  if (present.length === 0 && erased.activities.length === 0) return { reapplied: 0, left: [], problem: null };
  if (version !== schemaVersion) {
    const activities = erased.activities.filter((whole) => activityExists(dataDir, whole.activityId));
    return {
      reapplied: 0,
      left: [...activities.map((whole) => `aula activity erase ${whole.activityId} --yes`), ...present.map(eraseCommand)],
      problem: `The backup is of an older Aula (schema ${version}) and still holds data erased since: start Aula once to upgrade it, then run:`,
    };
  }
  const db = openDatabase(dataDir);
  const by = `restore (again, as the replaced database had erased it)`;
  const redone = new Set<number>();
  const left: string[] = [];
  try {
    db.pragma('secure_delete = ON');
    db.transaction(() => {
      for (const whole of erased.activities) {
        try {
          eraseActivity(db, whole.activityId, by, Date.parse(nowIso));
          redone.add(whole.erasureId);
        } catch (error) {
          if (!(error instanceof ActivityErasureError)) throw error;
          // Nothing of it in the backup, or no such activity: nothing came back. Refused (a session the clock makes look
          // live): it came back, and is listed rather than left without a word.
          if (error.reason === 'games-playing') left.push(`aula activity erase ${whole.activityId} --yes`);
        }
      }
      for (const row of present) {
        if (row.kind === 'gameplay' && row.activity === null) {
          left.push(eraseCommand(row));
          continue;
        }
        try {
          erasePlayer(db, { player: row.player, activity: row.activity ?? undefined }, by, nowIso);
          redone.add(row.erasureId);
        } catch (error) {
          if (!(error instanceof ErasureError)) throw error;
          // Its data already went with an activity's erasure above (erasing everywhere takes a record left alone, so a
          // player erased everywhere does not end here), or the player went with the last of it.
          if (error.reason !== 'nothing-to-erase' && error.reason !== 'player-not-found') left.push(eraseCommand(row));
        }
      }
    }).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return {
    reapplied: redone.size,
    left,
    problem: left.length > 0 ? 'The backup still holds data erased since that could not be erased again here: run' : null,
  };
}

import type { Diagnostics } from '../admin/api-types.js';
import type { AppContext } from '../context.js';
import { prepared } from '../store/prepared.js';
import { groupRejections, networkDiagnostics, REJECTION_COLUMNS, type RejectionRow, sessionWho } from './read-diagnostics.js';

/**
 * The refusals of one session listed at most, the newest: far above what one game can leave (its device keeps 100,
 * rejections-repo.ts, so only a session sent from several addresses gets near). Past it, the screen says how many
 * refused batches are left out, and the count still matches Live's.
 */
export const SESSION_REFUSALS_LISTED = 500;

/**
 * Diagnostics for one session, where Live's "N batches refused" leads: every refusal of it Aula still keeps (as Live
 * counts them, read-sessions.ts: all of the session's rows in rejected_requests, each re-send counted; those erased or
 * pruned by retention are gone from both), whatever their age, whether marked as handled, or fixed since. The whole
 * screen lists only the last hour's, not handled: the student Live pointed at could be missing there, or buried.
 * Undefined when there is no such session.
 */
export function readSessionDiagnostics(ctx: AppContext, port: number, sessionId: number): Diagnostics | undefined {
  const who = sessionWho(ctx, sessionId);
  if (!who) return undefined;
  const rows = prepared<[number], RejectionRow>(
    ctx.db,
    `SELECT ${REJECTION_COLUMNS} FROM rejected_requests WHERE session_id = ? ORDER BY id DESC LIMIT ${SESSION_REFUSALS_LISTED}`,
  ).all(sessionId);
  const listed = rows.reduce((total, row) => total + row.repeats + 1, 0);
  // Counted below the oldest row listed: listed + unlisted is Live's count as of this read, even if a refusal came meanwhile.
  const oldest = rows.at(-1)?.id;
  const unlisted =
    oldest === undefined || rows.length < SESSION_REFUSALS_LISTED
      ? 0
      : (prepared<[number, number], { n: number }>(
          ctx.db,
          'SELECT coalesce(sum(repeats + 1), 0) AS n FROM rejected_requests WHERE session_id = ? AND id < ?',
        ).get(sessionId, oldest)?.n ?? 0);
  return {
    // Not the whole screen's groups: read for nothing at each refresh while this game's refusals arrive.
    ...networkDiagnostics(ctx, port),
    groups: groupRejections(ctx, rows, { listAll: undefined, everyLineUpTo: SESSION_REFUSALS_LISTED }),
    session: { id: sessionId, number: who.number, player: who.player, activity: who.activity, refused: listed + unlisted, unlisted, listedAtMost: SESSION_REFUSALS_LISTED },
  };
}

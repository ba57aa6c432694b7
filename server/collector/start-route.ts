import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { refuseTooManyStarts } from '../http/rate-limit-starts.js';
import { type ParsedBody, parseBody, readRawBody } from '../http/read-body.js';
import { sendJson, } from '../http/send.js';
import { findActivityByCode } from '../store/activities-repo.js';
import { findVersion, findVersionByCode, type GameVersion } from '../store/games-repo.js';
import { findAnonymousPlayer } from '../store/players-repo.js';
import { mayJoin } from './access.js';
import { type Caller, callerStudentId, classifyAuthorization } from './classify-authorization.js';
import { Messages } from './messages.js';
import { objectIdFor } from './object-id.js';
import { bodyErrorAnswer, CollectorRefusal, writeErrorAnswer } from './refusals.js';
import type { PlayerChoice } from './session-jobs.js';

/** `POST …/collector/start/:trackingCode`, in the processing order of contract C-5.4 (it decides which error wins). */
export async function handleStart(ctx: AppContext, req: IncomingMessage, res: ServerResponse, trackingCode: string): Promise<void> {
  if (refuseTooManyStarts(ctx, req, res)) return;
  let body: ParsedBody;
  try {
    body = parseBody(req, await readRawBody(req, ctx.config.bodyLimitBytes, undefined, { decode: true }), { lenient: true, maxDepth: ctx.config.jsonDepthLimit });
  } catch (error) {
    return bodyErrorAnswer(ctx, req, res, 'start', error);
  }
  // Who a start refused as not in the activity's class was: a 1A student who typed 1B's code, named to both teachers.
  let loggedIn: string | null = null;
  try {
    const caller = classifyAuthorization(ctx.db, ctx.loginTokens, req.headers.authorization);
    if (caller.kind === 'user') loggedIn = caller.identity.username;
    if (caller.kind === 'revoked') throw new CollectorRefusal(401, Messages.a2Token);
    const { activityId, version } = resolveScope(ctx, trackingCode, caller);
    const choice = choosePlayer(ctx, caller, body);
    const started = await ctx.ingest.run('session.start', { choice, activityId, versionId: version.versionId });
    const { player, session } = started;
    ctx.bus.emit('session.started', {
      activityId,
      sessionId: session.sessionId,
      playerId: player.id,
      newPlayer: session.newGameplay,
    });
    const actor =
      player.kind === 'anonymous'
        ? { account: { homePage: ctx.homePage, name: 'Anonymous' }, name: player.animalName }
        : { account: { homePage: ctx.homePage, name: player.publicId }, name: player.publicId };
    // Key order is part of the contract (C-5.7): regex-reading trackers depend on it.
    sendJson(res, 200, {
      authToken: session.authToken,
      actor,
      playerAnimalName: player.animalName,
      playerId: player.publicId,
      objectId: objectIdFor(ctx.homePage, version),
      session: session.number,
      firstSessionStarted: session.firstSessionStarted,
      currentSessionStarted: session.currentSessionStarted,
    });
  } catch (error) {
    // The code tried is the sample of a refused start: the teacher's diagnostics show it (issue 11). The game is told
    // the same 401 Not authorized to join this activity as before (trackers depend on it); only the record says who.
    const refusedStudent = error instanceof CollectorRefusal && error.message === Messages.notAuthorizedJoin ? loggedIn : null;
    writeErrorAnswer(ctx, req, res, 'start', error, null, trackingCode, refusedStudent);
  }
}

/** Steps 3 and 4 of C-5.4: activity codes first, then game-version codes. */
function resolveScope(ctx: AppContext, trackingCode: string, caller: Caller): { activityId: string | null; version: GameVersion } {
  const activity = findActivityByCode(ctx.db, trackingCode);
  if (activity) {
    if (!activity.open) throw new CollectorRefusal(412, Messages.notStarted);
    if (!mayJoin(ctx.db, activity, callerStudentId(caller))) throw new CollectorRefusal(401, Messages.notAuthorizedJoin);
    const version = findVersion(ctx.db, activity.versionId);
    if (!version) throw new CollectorRefusal(404, Messages.noCode);
    return { activityId: activity.id, version };
  }
  const version = findVersionByCode(ctx.db, trackingCode);
  if (!version) throw new CollectorRefusal(404, Messages.noCode);
  return { activityId: null, version };
}

/** Step 5 of C-5.4. */
function choosePlayer(ctx: AppContext, caller: Caller, body: ParsedBody): PlayerChoice {
  if (caller.kind === 'header-error') throw new CollectorRefusal(400, Messages.bearer);
  if (caller.kind === 'user') return { kind: 'student', ...caller.identity };
  if (caller.kind === 'player') return { kind: 'existing', player: caller.player };
  const fields = body.kind === 'empty' ? {} : body.value;
  const anonymous =
    typeof fields === 'object' && fields !== null && !Array.isArray(fields)
      ? (fields as Record<string, unknown>).anonymous
      : undefined;
  if (anonymous === undefined || anonymous === null || anonymous === false || anonymous === 0 || anonymous === '') {
    return { kind: 'new' };
  }
  if (typeof anonymous !== 'string') throw new CollectorRefusal(400, Messages.anonymousType);
  // Only "" itself starts a new player: a string of spaces is trimmed and looked up, so it is not found (contract
  // C-5 step 5.4, as the original answered). A game that sends one has lost its player's id, and says so.
  const id = anonymous.trim();
  const player = findAnonymousPlayer(ctx.db, id);
  if (!player) throw new CollectorRefusal(404, Messages.noAnonymous(id));
  return { kind: 'existing', player };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { parseBody, readRawBody } from '../http/read-body.js';
import { sendJson } from '../http/send.js';
import { bodyErrorAnswer, writeErrorAnswer } from './refusals.js';
import { findSession } from './track-route.js';

/** `POST …/collector/end` (contract C-7): marks the attempt ended; the authToken keeps working. */
export async function handleEnd(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    parseBody(req, await readRawBody(req, ctx.config.bodyLimitBytes, undefined, { decode: true }), { lenient: true, maxDepth: ctx.config.jsonDepthLimit });
  } catch (error) {
    return bodyErrorAnswer(ctx, req, res, 'end', error);
  }
  try {
    const session = findSession(ctx.db, req);
    // On the writer thread, with the batches' group commit: the event loop never waits for the disk.
    const record = await ctx.ingest.run('session.end', { sessionId: session.sessionId, gameplayId: session.gameplayId });
    ctx.bus.emit('session.ended', { activityId: session.activityId, sessionId: session.sessionId });
    sendJson(res, 200, record);
  } catch (error) {
    writeErrorAnswer(ctx, req, res, 'end', error, null);
  }
}

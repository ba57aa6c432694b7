import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { asCollected, settingsForOrigin } from '../export/statement-origin.js';
import { sendJson } from '../http/send.js';
import { iriNamespace, type NormalizeSettings, normalizeStatement, readPseudonymSalt } from '../normalize/index.js';
import { newestSeq } from '../store/statement-rows.js';
import { attachmentData, attachmentsOfStatements } from '../store/xapi-attachments-repo.js';
import { findStatementRow, type QueryRow, queryStatements } from '../store/xapi-query-repo.js';
import { writeDrained } from '../util/drained.js';
import { acceptedLanguages, formatStatement } from './format-statement.js';
import { decodeCursor, encodeCursor } from './more-cursor.js';
import type { XapiLocals } from './post-statements.js';
import { rageMatching } from './rage-matching.js';
import { parseGet, type StatementQuery } from './statement-query.js';
import { XapiError } from './xapi-headers.js';

type Json = Record<string, unknown>;

/** `GET /xapi/statements`: one statement by id, or a query with `more` paging. */
export async function getStatements(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const { credential } = res.locals as XapiLocals;
  const parsed = parseGet(req.query as Record<string, unknown>);
  const languages = acceptedLanguages(req.headers['accept-language']);
  const settings = normalizeSettings(ctx);
  if (parsed.kind === 'single') {
    const row = findStatementRow(ctx.db, credential.activityId, parsed.id);
    if (!row || (row.voided === 1) !== parsed.voided) {
      throw new XapiError(404, parsed.voided ? 'No voided statement with this id' : 'No statement with this id');
    }
    const statement = formatStatement(serve(row, settings), parsed.format, languages);
    return send(ctx, res, statement, parsed.attachments ? [row] : undefined, { 'Last-Modified': new Date(row.storedHere ?? row.stored).toUTCString() });
  }
  let query: StatementQuery;
  let after: number | undefined;
  let ceiling: number;
  if (parsed.kind === 'more') {
    const cursor = decodeCursor(parsed.cursor);
    query = cursor.query;
    after = cursor.after;
    ceiling = cursor.ceiling;
  } else {
    query = parsed.query;
    ceiling = newestSeq(ctx.db);
  }
  const rows = await queryStatements(ctx.db, {
    activityId: credential.activityId,
    agent: query.agent,
    verb: query.verb,
    activity: query.activity,
    registration: query.registration,
    relatedActivities: query.relatedActivities,
    relatedAgents: query.relatedAgents,
    since: query.since,
    until: query.until,
    ascending: query.ascending,
    after,
    ceiling,
    take: query.limit + 1,
    rage: rageMatching(ctx.db, credential.activityId, query, settings),
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const more =
    rows.length > query.limit && last ? `${req.baseUrl}?more=${encodeCursor({ query, after: last.seq, ceiling })}` : '';
  const statements = page.map((row) => formatStatement(serve(row, settings), query.format, languages));
  const newest = page.reduce<string | undefined>((max, row) => {
    const stored = row.storedHere ?? row.stored;
    return max === undefined || stored > max ? stored : max;
  }, undefined);
  return send(ctx, res, { statements, more }, query.attachments ? page : undefined, newest ? { 'Last-Modified': new Date(newest).toUTCString() } : {});
}

/**
 * xAPI statements as stored; RAGE ones in their normalised xAPI form (xapi.md §10), with the home page, namespace
 * and game id of the laptop that collected them when they were imported: the JSON every export and upload gives
 * them (export/outgoing-statements.ts, N-8), so a client never sees one id with two contents; but for `stored`, which is
 * when this LRS stored it (xAPI Data 2.4.8): an imported statement's time here, which `since` goes by (docs/clock.md).
 */
function serve(row: QueryRow, settings: NormalizeSettings): Json {
  const statement = row.source === 'xapi' ? (JSON.parse(row.json) as Json) : normalizeStatement(asCollected(row), settingsForOrigin(row, settings));
  if (row.storedHere !== null) statement.stored = row.storedHere;
  return statement;
}

function normalizeSettings(ctx: AppContext): NormalizeSettings {
  return {
    homePage: ctx.homePage,
    namespace: iriNamespace(ctx.db, ctx.homePage),
    actors: 'per-player',
    pseudonymSalt: readPseudonymSalt(ctx.db) ?? null,
  };
}

/**
 * `attachments=true` (`withAttachmentsOf` given) answers multipart/mixed: the JSON first, then one part per distinct
 * sha2 whose data the statements have (Communication 2.1.3, Data 2.4.11), each read and written in its turn, so that
 * a page of statements with large attachments is never held in memory at once. Otherwise plain JSON, as before.
 */
async function send(
  ctx: AppContext,
  res: Response,
  body: unknown,
  withAttachmentsOf: QueryRow[] | undefined,
  headers: Record<string, string>,
): Promise<void> {
  if (!withAttachmentsOf) return sendJson(res, 200, body, headers);
  const attachments = attachmentsOfStatements(
    ctx.db,
    withAttachmentsOf.filter((row) => row.source === 'xapi').map((row) => row.seq),
  );
  const boundary = `aula-${randomUUID()}`;
  const head = (lines: string[]) => Buffer.from(`--${boundary}\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const json = Buffer.from(JSON.stringify(body));
  const jsonHead = head(['Content-Type: application/json']);
  const partHeads = attachments.map((attachment) =>
    head([`Content-Type: ${attachment.contentType}`, 'Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${attachment.sha2}`]),
  );
  const closing = Buffer.from(`--${boundary}--\r\n`, 'latin1');
  const length =
    jsonHead.length +
    json.length +
    2 +
    partHeads.reduce((sum, part, index) => sum + part.length + (attachments[index]?.length ?? 0) + 2, 0) +
    closing.length;
  res.writeHead(200, { ...headers, 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'Content-Length': length });
  if (res.req.method === 'HEAD') return void res.end();
  await writeDrained(res, Buffer.concat([jsonHead, json, CRLF]), CLIENT_GONE);
  for (const [index, attachment] of attachments.entries()) {
    const data = attachmentData(ctx.db, attachment.sha2);
    // Erased since the page was read (the writer runs beside this loop): the length sent cannot be kept, and a cut
    // connection tells the client the answer is incomplete, where parts of the wrong size would be misread.
    if (data?.length !== attachment.length) return void res.destroy();
    await writeDrained(res, Buffer.concat([partHeads[index] as Buffer, data, CRLF]), CLIENT_GONE);
  }
  res.end(closing);
}

const CRLF = Buffer.from('\r\n');
// Each part is read and written in its turn: a slow client holds one part, not them all.
const CLIENT_GONE = 'the client went away';

import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { asCollected, settingsForOrigin } from '../export/statement-origin.js';
import { sendJson } from '../http/send.js';
import { iriNamespace, type NormalizeSettings, normalizeStatement, readPseudonymSalt } from '../normalize/index.js';
import { newestSeq } from '../store/statement-rows.js';
import { findStatementRow, type QueryRow, queryStatements } from '../store/xapi-query-repo.js';
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
    return send(res, statement, parsed.attachments, { 'Last-Modified': new Date(row.stored).toUTCString() });
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
  const newest = page.reduce<string | undefined>((max, row) => (max === undefined || row.stored > max ? row.stored : max), undefined);
  send(res, { statements, more }, query.attachments, newest ? { 'Last-Modified': new Date(newest).toUTCString() } : {});
}

/**
 * xAPI statements as stored; RAGE ones in their normalised xAPI form (xapi.md §10), with the home page, namespace
 * and game id of the laptop that collected them when they were imported: the JSON every export and upload gives
 * them (export/outgoing-statements.ts, N-8), so a client never sees one id with two contents.
 */
function serve(row: QueryRow, settings: NormalizeSettings): Json {
  if (row.source === 'xapi') return JSON.parse(row.json) as Json;
  return normalizeStatement(asCollected(row), settingsForOrigin(row, settings));
}

function normalizeSettings(ctx: AppContext): NormalizeSettings {
  return {
    homePage: ctx.homePage,
    namespace: iriNamespace(ctx.db, ctx.homePage),
    actors: 'per-player',
    pseudonymSalt: readPseudonymSalt(ctx.db) ?? null,
  };
}

/** `attachments=true` asks for multipart/mixed with the JSON first; Aula stores no attachment data, so one part. */
function send(res: Response, body: unknown, attachments: boolean, headers: Record<string, string>): void {
  if (!attachments) return sendJson(res, 200, body, headers);
  const boundary = `aula-${Date.now().toString(36)}`;
  const json = JSON.stringify(body);
  const text = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${json}\r\n--${boundary}--\r\n`;
  res.writeHead(200, {
    ...headers,
    'Content-Type': `multipart/mixed; boundary=${boundary}`,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}


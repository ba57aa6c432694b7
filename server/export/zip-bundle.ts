import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import yazl from 'yazl';
import { pseudonym } from '../normalize/index.js';
import { findPlayer } from '../store/find-player.js';
import { schemaVersion } from '../store/migrations/index.js';
import type { Db } from '../store/open-database.js';
import { type BundledAttachment, bundledAttachments } from '../store/xapi-attachments-repo.js';
import { appVersion } from './app-version.js';
import { BUNDLE_TABLES, bundleTableRows, hasStatementFilter, type Referenced, STATEMENT_ROW_SELECT } from './bundle-tables.js';
import { ChunkedWriter } from './chunked-writer.js';
import type { ExportProgress, ExportReport } from './export-data.js';
import { recordProblem } from './export-data.js';
import type { ExportOptions } from './export-options.js';
import { statementWhere } from './filters.js';
import { type OutputWatch, whenOutputGone } from './output-gone.js';
import { type ExportSettings, hideAgents } from './pseudonymous-agents.js';
import { StatementEncoder } from './statement-encoder.js';
import { iterateStatements } from './statement-rows.js';

export const MANIFEST = 'manifest.json';
export const STATEMENTS_FILE = 'statements.ndjson';
export const STATEMENT_ROWS_FILE = 'aula/statement-rows.ndjson';
/** The attachment data xAPI games sent with the bundle's statements; only in a bundle that has some. */
export const ATTACHMENTS_FILE = 'aula/attachments.ndjson';
export const BUNDLE_FORMAT = 'aula-bundle/1';

type FileInfo = { bytes: number; sha256: string; lines: number };

/**
 * The hand-over bundle: xAPI statements (ndjson) for researchers, the stored rows and tables for `aula import`, and a
 * manifest with versions, filters, counts and the SHA-256 of every file. Entries are written one after the other
 * through yazl's streaming deflate, so memory stays flat.
 */
export async function writeBundle(
  db: Db,
  settings: ExportSettings,
  options: ExportOptions,
  output: Writable,
  total: number,
  onProgress: (progress: ExportProgress) => void,
): Promise<ExportReport> {
  const zip = new yazl.ZipFile();
  zip.outputStream.pipe(output, { end: false });
  const gone = whenOutputGone(output);
  // yazl passes on an entry's error; the export already stops on the destination's own (gone.failed).
  zip.on('error', () => {});
  try {
    return await writeEntries(db, settings, options, zip, total, onProgress, gone);
  } finally {
    gone.dispose();
  }
}

async function writeEntries(
  db: Db,
  settings: ExportSettings,
  options: ExportOptions,
  zip: yazl.ZipFile,
  total: number,
  onProgress: (progress: ExportProgress) => void,
  gone: OutputWatch,
): Promise<ExportReport> {
  const zipDone = once(zip.outputStream, 'end');
  let zipBytes = 0;
  zip.outputStream.on('data', (chunk: Buffer) => {
    zipBytes += chunk.length;
  });
  const files: Record<string, FileInfo> = {};
  const report: ExportReport = { format: 'zip', statements: 0, invalid: 0, problems: [], bytes: 0 };
  const where = statementWhere(db, options.filters);
  const salt = settings.pseudonymSalt;

  let current: PassThrough | undefined;
  gone.onStop((error) => current?.destroy(error));
  const entry = async (name: string, fill: (write: (line: string) => Promise<void>) => Promise<void>) => {
    const stopped = gone.stop();
    if (stopped) throw stopped;
    const pass = new PassThrough();
    // Destroyed with the destination's error when that fails: the export learns it through `gone`, not as a crash.
    pass.on('error', () => {});
    current = pass;
    zip.addReadStream(pass, name);
    const hash = createHash('sha256');
    const writer = new ChunkedWriter(pass, 64 * 1024, (chunk) => hash.update(chunk));
    let lines = 0;
    await fill(async (line) => {
      lines++;
      await writer.write(line);
    });
    await writer.flush();
    pass.end();
    files[name] = { bytes: writer.written, sha256: hash.digest('hex'), lines };
  };

  // Both passes read every statement: the count shown goes up by half a statement per row of each.
  const progress = (rowsDone: number) => onProgress({ done: Math.floor(rowsDone / 2), total });
  progress(0);
  await entry(STATEMENTS_FILE, async (write) => {
    const encoder = new StatementEncoder(settings);
    for (const row of iterateStatements(db, where)) {
      const { text, problem } = encoder.encode(row);
      recordProblem(report, row.id, problem);
      await write(`${text}\n`);
      report.statements++;
      if (report.statements % 2000 === 0) progress(report.statements);
    }
  });
  let rows = 0;
  // Filtered: the tables hold what the statements refer to (a store has few sessions and players per statement).
  const referenced: Referenced | null = hasStatementFilter(options.filters) ? { sessions: new Set(), players: new Set(), activities: new Set() } : null;
  await entry(STATEMENT_ROWS_FILE, async (write) => {
    const clause = where.sql;
    const statement = db.prepare(`${STATEMENT_ROW_SELECT} ${clause} ORDER BY s.seq`);
    for (const row of statement.iterate(...where.params) as IterableIterator<Record<string, unknown>>) {
      const { player_kind: _kind, player_public_id, seq: _seq, ...stored } = row;
      if (referenced) {
        if (typeof stored.session_id === 'number') referenced.sessions.add(stored.session_id);
        if (typeof stored.player_id === 'string') referenced.players.add(stored.player_id);
        if (typeof stored.activity_id === 'string') referenced.activities.add(stored.activity_id);
      }
      if (salt) {
        const player = typeof player_public_id === 'string' ? player_public_id : null;
        stored.json = hiddenStoredJson(String(stored.json), stored.source === 'rage' ? 'rage' : 'xapi', player, settings, salt);
      }
      await write(`${JSON.stringify(stored)}\n`);
      rows++;
      if (rows % 2000 === 0) progress(total + rows);
    }
  });
  const counts: Record<string, number> = { statements: report.statements };
  // A pseudonymised bundle names no attachment data in its statements (pseudonymous-agents.ts), and carries none.
  // Without any, no file: such a bundle is the one an Aula without attachments wrote.
  const attachments = salt ? undefined : bundledAttachments(db, where);
  const first = attachments?.next();
  if (attachments && first && !first.done) {
    await entry(ATTACHMENTS_FILE, async (write) => {
      await write(attachmentLine(first.value));
      for (const attachment of attachments) await write(attachmentLine(attachment));
    });
    counts.attachments = files[ATTACHMENTS_FILE]?.lines ?? 0;
  }
  for (const table of BUNDLE_TABLES) {
    const tableRows = bundleTableRows(db, table, referenced);
    counts[table] = tableRows.length;
    await entry(`${table}.ndjson`, async (write) => {
      for (const tableRow of tableRows) {
        if (salt && table === 'players' && typeof tableRow.public_id === 'string') {
          tableRow.public_id = pseudonym(salt, tableRow.public_id);
          // The animal name is on the teacher's dashboard, next to the child: the pseudonym stands in for it (import
          // needs one, and it stays unique in every activity).
          tableRow.animal_name = tableRow.public_id;
          // The name an xAPI game sent with the player is a name too.
          tableRow.xapi_name = null;
        }
        // Every session says which Aula collected it, so the laptop importing it normalises its statements as this
        // one does (statement-origin.ts), and hands that on when it exports them in turn.
        if (table === 'sessions' && tableRow.origin_home_page === null) {
          tableRow.origin_home_page = settings.homePage;
          tableRow.origin_namespace = settings.namespace;
        }
        await write(`${JSON.stringify(tableRow)}\n`);
      }
    });
  }
  const manifest = {
    format: BUNDLE_FORMAT,
    app: 'aula',
    appVersion: appVersion(),
    schemaVersion,
    created: new Date().toISOString(),
    // The player filtered on is named as the bundle's players are.
    filters: salt && options.filters.player !== undefined ? { ...options.filters, player: pseudonym(salt, filteredPublicId(db, options.filters.player)) } : options.filters,
    options: { actors: options.actors, pseudonymize: options.pseudonymize, namespace: settings.namespace, homePage: settings.homePage },
    counts,
    invalid: report.invalid,
    files,
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST);
  zip.end();
  await Promise.race([zipDone, gone.failed]);
  progress(total * 2);
  report.files = files;
  report.bytes = zipBytes;
  return report;
}

/** An attachment's line in the bundle: its data in base64, and the ids of the statements naming it. */
function attachmentLine({ sha2, contentType, data, statements }: BundledAttachment): string {
  return `${JSON.stringify({ sha2, content_type: contentType, data: data.toString('base64'), statements })}\n`;
}

/** The playerId of the player --player named (an e-mail address or account name names an `xapi-…` player). */
export function filteredPublicId(db: Db, typed: string): string {
  const found = findPlayer(db, typed);
  if (!('player' in found)) return typed;
  return (db.prepare('SELECT public_id FROM players WHERE id = ?').get(found.player.id) as { public_id: string } | undefined)?.public_id ?? typed;
}

/**
 * A stored statement as a pseudonymised bundle carries it: RAGE players' actors with the pseudonym instead of any
 * name (a username, an animal name, a name the game sent), xAPI actors and every agent in an object or a context as in the bundle's statements
 * (pseudonymous-agents.ts). A statement with nothing to hide keeps its stored text.
 */
function hiddenStoredJson(
  json: string,
  source: 'rage' | 'xapi',
  player: string | null,
  settings: ExportSettings,
  salt: string,
): string {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return json;
  const statement = parsed as Record<string, unknown>;
  const before = JSON.stringify(statement);
  if (source === 'rage' && player !== null) hideRageNames(statement, pseudonym(salt, player));
  const hidden = hideAgents(statement, { source, playerPublicId: player }, settings);
  const after = JSON.stringify(hidden);
  return after === before ? json : after;
}

/**
 * A RAGE actor names its player: an identified one by username, an anonymous one by animal name or whatever name the
 * game sent. A pseudonymised bundle carries the pseudonym instead, in the actor's name and in its account's (but for
 * RAGE's shared "Anonymous" account, which names nobody), as the normalised statements do (normalize-statement.ts).
 */
function hideRageNames(statement: { actor?: unknown }, hidden: string): void {
  const actor = statement.actor as { name?: unknown; account?: { name?: unknown } } | undefined;
  if (actor && typeof actor === 'object') {
    if ('name' in actor) actor.name = hidden;
    if (actor.account && typeof actor.account === 'object' && 'name' in actor.account && actor.account.name !== 'Anonymous') actor.account.name = hidden;
  }
}

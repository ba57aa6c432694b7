import { type StatementFact, statementFact } from '../rules/rule-facts.js';
import type { SessionContext } from '../store/sessions-repo.js';
import type { IncomingStatement } from '../store/statements-ingest.js';
import { canonicalJson } from '../util/canonical-json.js';
import { nextTurn } from '../util/next-turn.js';
import { augmentStatement } from './augment.js';
import { Messages } from './messages.js';
import { CollectorRefusal } from './refusals.js';
import { type StatementLayout, splicedStatementText } from './stored-statement-text.js';
import { summaryOfFact } from './summarize.js';
import { validateRageStatement } from './validate-rage-statement.js';

/**
 * Statements prepared between two turns of the event loop. js-tracker sends everything it kept offline in one
 * request: 13,000 statements (6 MB) took 105 ms of augmenting, validating and serialising in one go, and with the
 * garbage it left, the other games' batches waited up to 290 ms (issue 8). A regular batch is one chunk.
 */
export const PREPARE_CHUNK = 1_000;


export interface PrepareOptions {
  /**
   * The text `body` was parsed from, with its statements' layouts when its scan found them (scanTrackBody): an
   * ordinary statement is stored as it was sent (stored-statement-text.ts).
   */
  sent?: { text: string; layouts: StatementLayout[] | null } | undefined;
  pause?: () => Promise<void>;
}

/** A statement ready for the writer, with the facts rules and results read of it (read once, for all three). */
export interface PreparedStatement extends IncomingStatement {
  fact: StatementFact;
}

/**
 * Steps 5 and 6 of track (C-6.3): the whole batch is augmented and validated before anything is stored, so a bad
 * statement anywhere refuses all of it, whichever chunk it is in.
 */
export async function prepareTrackBatch(body: unknown, session: SessionContext, options: PrepareOptions = {}): Promise<PreparedStatement[]> {
  if (!Array.isArray(body) || body.length === 0) throw new CollectorRefusal(400, Messages.notArray);
  const { pause = nextTurn } = options;
  const { text, layouts } = options.sent ?? {};
  const sent = text !== undefined && layouts?.length === body.length ? { text, layouts } : undefined;
  const prepared: PreparedStatement[] = [];
  for (let index = 0; index < body.length; index++) {
    if (index > 0 && index % PREPARE_CHUNK === 0) await pause();
    prepared.push(prepareStatement(body[index], index, session, sent && { text: sent.text, layout: sent.layouts[index] as StatementLayout }));
  }
  return prepared;
}

/**
 * Validation reads nothing augmentation writes (it creates `object.definition` when missing, which validation then
 * refuses for its missing id or type either way), so it runs first, on the statement as sent.
 */
function prepareStatement(statement: unknown, index: number, session: SessionContext, sent: { text: string; layout: StatementLayout } | undefined): PreparedStatement {
  const problem = validateRageStatement(statement, index);
  if (problem) throw new CollectorRefusal(400, problem);
  const record = statement as Record<string, unknown>;
  const clientId = typeof record.id === 'string' ? record.id : null;
  const context = record.context as { registration?: unknown } | undefined;
  // A statement with an id of its own is compared in canonical form with what is stored: it is augmented as a value.
  const spliced = sent && clientId === null ? splicedStatementText(sent.text, sent.layout, record, session) : null;
  // Read before augmenting: augmentation adds the session's extensions, which no fact comes from.
  const fact = statementFact(record);
  if (spliced === null) augmentStatement(record, session);
  return {
    clientId,
    json: spliced ?? JSON.stringify(record),
    canonical: clientId === null ? null : canonicalJson(record),
    registration: typeof context?.registration === 'string' ? context.registration : null,
    timestamp: typeof record.timestamp === 'string' ? record.timestamp : null,
    summary: summaryOfFact(fact),
    fact,
  };
}

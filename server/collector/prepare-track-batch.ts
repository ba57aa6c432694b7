import type { SessionContext } from '../store/sessions-repo.js';
import type { IncomingStatement } from '../store/statements-ingest.js';
import { canonicalJson } from '../util/canonical-json.js';
import { augmentStatement } from './augment.js';
import { Messages } from './messages.js';
import { CollectorRefusal } from './refusals.js';
import { summarizeStatement } from './summarize.js';
import { validateRageStatement } from './validate-rage-statement.js';

/**
 * Statements prepared between two turns of the event loop. js-tracker sends everything it kept offline in one
 * request: 13,000 statements (6 MB) took 105 ms of augmenting, validating and serialising in one go, and with the
 * garbage it left, the other games' batches waited up to 290 ms (issue 8). A regular batch is one chunk.
 */
export const PREPARE_CHUNK = 1_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Steps 5 and 6 of track (C-6.3): the whole batch is augmented and validated before anything is stored, so a bad
 * statement anywhere refuses all of it, whichever chunk it is in.
 */
export async function prepareTrackBatch(body: unknown, session: SessionContext, pause: () => Promise<void> = nextTurn): Promise<IncomingStatement[]> {
  if (!Array.isArray(body) || body.length === 0) throw new CollectorRefusal(400, Messages.notArray);
  const prepared: IncomingStatement[] = [];
  for (let index = 0; index < body.length; index++) {
    if (index > 0 && index % PREPARE_CHUNK === 0) await pause();
    prepared.push(prepareStatement(body[index], index, session));
  }
  return prepared;
}

function prepareStatement(statement: unknown, index: number, session: SessionContext): IncomingStatement {
  augmentStatement(statement, session);
  const problem = validateRageStatement(statement, index);
  if (problem) throw new CollectorRefusal(400, problem);
  const record = statement as Record<string, unknown>;
  const clientId = typeof record.id === 'string' ? record.id : null;
  const context = record.context as { registration?: unknown } | undefined;
  return {
    clientId,
    json: JSON.stringify(record),
    canonical: clientId === null ? null : canonicalJson(record),
    registration: typeof context?.registration === 'string' ? context.registration : null,
    timestamp: typeof record.timestamp === 'string' ? record.timestamp : null,
    summary: summarizeStatement(record),
  };
}

import { randomUUID } from 'node:crypto';
import { summaryOfFact } from '../collector/summarize.js';
import { type StatementFact, statementFact } from '../rules/rule-facts.js';
import type { XapiCredential } from '../store/xapi-credentials-repo.js';
import type { XapiIncoming } from '../store/xapi-ingest.js';
import { canonicalJson } from '../util/canonical-json.js';
import type { AttachmentPart } from './multipart-body.js';
import { matchAttachments } from './request-attachments.js';
import { activityIndex, agentIndex, ifiKey } from './statement-index.js';
import { VOIDED_VERB, validateXapiStatement } from './validation/validate-statement.js';
import { XapiError, type XapiVersion } from './xapi-headers.js';

type Json = Record<string, unknown>;

const DEFAULT_VERSION: Record<XapiVersion, string> = { '1.0': '1.0.0', '2.0': '2.0.0' };

/** A request's statements for the write job, and the facts rules and results read of each (read once, here). */
export interface PreparedXapiBatch {
  batch: XapiIncoming[];
  facts: StatementFact[];
}

/**
 * Validation and the server-set properties of, for a whole request before anything is stored (X-6.1,
 * every statement is valid, ids are unique in the request, and nothing voids a voiding statement of the
 * same request. `stored` (and `timestamp` when absent) are set by the write job, in storage order.
 */
export function prepareStatements(
  statements: unknown[],
  version: XapiVersion,
  credential: XapiCredential,
  homePage: string,
  parts: Map<string, AttachmentPart> = new Map(),
): PreparedXapiBatch {
  const authority = {
    objectType: 'Agent',
    name: credential.label,
    account: { homePage, name: credential.key },
  };
  const prepared = statements.map((statement, index) => {
    const problem = validateXapiStatement(statement, { version });
    if (problem) throw new XapiError(400, `Statement ${index} is invalid: ${problem}`);
    return prepareOne(statement as Json, version, authority);
  });
  // Attachments without a fileUrl have their data in a part of a multipart/mixed request, and every part its attachment.
  const carried = matchAttachments(
    prepared.map(({ item }) => item.received),
    parts,
  );
  const batch = prepared.map(({ item }, index) => ({ ...item, attachments: carried[index] ?? [] }));
  const seen = new Set<string>();
  for (const [index, item] of batch.entries()) {
    if (seen.has(item.id)) throw new XapiError(400, `Statement ${index} has the same id as an earlier one in this request: ${item.id}`);
    seen.add(item.id);
  }
  const voidingIds = new Set(batch.filter((item) => item.voiding).map((item) => item.id));
  for (const [index, item] of batch.entries()) {
    if (item.voiding && item.refId && voidingIds.has(item.refId)) {
      throw new XapiError(400, `Statement ${index} is invalid: a voiding statement cannot be voided`);
    }
  }
  return { batch, facts: prepared.map(({ fact }) => fact) };
}

function prepareOne(received: Json, version: XapiVersion, authority: Json): { item: XapiIncoming; fact: StatementFact } {
  const clientId = typeof received.id === 'string' ? received.id : null;
  const id = clientId?.toLowerCase() ?? randomUUID();
  const statement: Json = { ...received, id, authority, version: received.version ?? DEFAULT_VERSION[version] };
  delete statement.stored;
  arrayContextActivities(statement);
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement') {
    const subStatement: Json = { ...statement.object };
    arrayContextActivities(subStatement);
    statement.object = subStatement;
  }
  const actor = received.actor as Json;
  const verbId = (received.verb as Json).id as string;
  const object = received.object as Json;
  const objectType = object.objectType ?? 'Activity';
  const refId = objectType === 'StatementRef' ? (object.id as string).toLowerCase() : null;
  const context = (received.context ?? {}) as Json;
  const registration = typeof context.registration === 'string' ? context.registration.toLowerCase() : null;
  // Read of the statement as received: what rules and results read is the same in the stored form.
  const fact = statementFact(received);
  const item: XapiIncoming = {
    id,
    clientId,
    received,
    statement,
    actor,
    identityKey: ifiKey(actor) ?? canonicalJson(actor),
    verbId,
    objectId: objectType === 'Activity' ? (object.id as string) : null,
    refId,
    registration,
    voiding: verbId === VOIDED_VERB && refId !== null,
    summary: summaryOfFact(fact),
    agents: agentIndex(statement),
    activities: activityIndex(statement),
    attachments: [],
  };
  return { item, fact };
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An LRS returns every contextActivities value as an array, even when a single Activity was sent (Data 2.4.6.2). */
function arrayContextActivities(statement: Json): void {
  if (!isObject(statement.context) || !isObject(statement.context.contextActivities)) return;
  const contextActivities: Json = {};
  for (const [key, value] of Object.entries(statement.context.contextActivities)) {
    contextActivities[key] = Array.isArray(value) ? value : [value];
  }
  statement.context = { ...statement.context, contextActivities };
}

import type { StatementFormat } from './format-statement.js';
import { ifiKey } from './statement-index.js';
import { isIri, isTimestamp, isUuid } from './validation/formats.js';
import { Invalid } from './validation/invalid.js';
import { actor } from './validation/validate-actor.js';
import { XapiError } from './xapi-headers.js';

/** The filters of GET /xapi/statements (xapi.md §8.2), checked; what a `more` cursor carries. */
export interface StatementQuery {
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  relatedActivities: boolean;
  relatedAgents: boolean;
  since?: string;
  until?: string;
  limit: number;
  format: StatementFormat;
  attachments: boolean;
  ascending: boolean;
}

export const MAX_LIMIT = 100;

const QUERY_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
];
const SINGLE_PARAMS = ['statementId', 'voidedStatementId', 'format', 'attachments'];

export type ParsedGet =
  | { kind: 'single'; id: string; voided: boolean; format: StatementFormat; attachments: boolean }
  | { kind: 'query'; query: StatementQuery }
  | { kind: 'more'; cursor: string };

type Params = Record<string, unknown>;

export function parseGet(params: Params): ParsedGet {
  const names = Object.keys(params);
  for (const name of names) {
    if (Array.isArray(params[name])) throw new XapiError(400, `Parameter ${name} is given more than once`);
  }
  if ('more' in params) {
    if (names.length > 1) throw new XapiError(400, 'more cannot be combined with other parameters');
    return { kind: 'more', cursor: params.more as string };
  }
  if ('statementId' in params || 'voidedStatementId' in params) {
    if ('statementId' in params && 'voidedStatementId' in params) {
      throw new XapiError(400, 'statementId and voidedStatementId cannot be used together');
    }
    const extra = names.find((name) => !SINGLE_PARAMS.includes(name));
    if (extra) throw new XapiError(400, `Parameter ${extra} cannot be used with statementId or voidedStatementId`);
    const voided = 'voidedStatementId' in params;
    const id = String(params[voided ? 'voidedStatementId' : 'statementId']);
    if (!isUuid(id)) throw new XapiError(400, `${voided ? 'voidedStatementId' : 'statementId'} must be a UUID`);
    return { kind: 'single', id: id.toLowerCase(), voided, format: format(params.format), attachments: bool(params, 'attachments') };
  }
  const unknown = names.find((name) => !QUERY_PARAMS.includes(name));
  if (unknown) throw new XapiError(400, `Unknown query parameter: ${unknown}`);
  return { kind: 'query', query: parseQuery(params) };
}

function parseQuery(params: Params): StatementQuery {
  const query: StatementQuery = {
    relatedActivities: bool(params, 'related_activities'),
    relatedAgents: bool(params, 'related_agents'),
    limit: limit(params.limit),
    format: format(params.format),
    attachments: bool(params, 'attachments'),
    ascending: bool(params, 'ascending'),
  };
  if (params.agent !== undefined) query.agent = agentKey(String(params.agent));
  if (params.verb !== undefined) query.verb = iri(params.verb, 'verb');
  if (params.activity !== undefined) query.activity = iri(params.activity, 'activity');
  if (params.registration !== undefined) {
    const registration = String(params.registration);
    if (!isUuid(registration)) throw new XapiError(400, 'registration must be a UUID');
    query.registration = registration.toLowerCase();
  }
  if (params.since !== undefined) query.since = instant(params.since, 'since');
  if (params.until !== undefined) query.until = instant(params.until, 'until');
  return query;
}

function bool(params: Params, name: string): boolean {
  const value = params[name];
  if (value === undefined) return false;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new XapiError(400, `${name} must be true or false`);
}

function limit(value: unknown): number {
  if (value === undefined) return MAX_LIMIT;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new XapiError(400, 'limit must be a non-negative integer');
  const n = Number(text);
  return n === 0 || n > MAX_LIMIT ? MAX_LIMIT : n;
}

function format(value: unknown): StatementFormat {
  if (value === undefined) return 'exact';
  if (value === 'exact' || value === 'ids' || value === 'canonical') return value;
  throw new XapiError(400, 'format must be exact, ids or canonical');
}

function iri(value: unknown, name: string): string {
  const text = String(value);
  if (!isIri(text)) throw new XapiError(400, `${name} must be an absolute IRI`);
  return text;
}

function instant(value: unknown, name: string): string {
  const text = String(value);
  const time = Date.parse(text);
  if (!isTimestamp(text) || Number.isNaN(time)) throw new XapiError(400, `${name} must be an ISO 8601 timestamp`);
  return new Date(time).toISOString();
}

function agentKey(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new XapiError(400, 'agent must be a JSON Agent or identified Group');
  }
  try {
    actor(parsed, '/agent');
  } catch (error) {
    if (error instanceof Invalid) throw new XapiError(400, `agent is invalid: ${error.message}`);
    throw error;
  }
  const key = ifiKey(parsed);
  if (!key) throw new XapiError(400, 'agent must be an Agent or an identified Group');
  return key;
}

import { isTimestamp, isUuid } from './formats.js';
import { child, fail, fields, formatted, Invalid, type Json, required, string } from './invalid.js';
import { activity } from './validate-activity.js';
import { actor, agent, group, peekObjectType } from './validate-actor.js';
import type { Options } from './validate-common.js';
import { attachments, context, result, statementRef, verb } from './validate-parts.js';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const STATEMENT_KEYS = [
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
];
const SUB_STATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];

/**
 * Full xAPI validation of one statement (xapi.md §5.2), for the version the request used. Returns null when
 * valid, else the first problem as "<json path> <reason>", e.g. "/actor/mbox must be a mailto IRI".
 * Pure: no store lookups (voiding a voiding statement and conflicts are the route's business).
 */
export function validateXapiStatement(statement: unknown, options: { version: '1.0' | '2.0' }): string | null {
  try {
    validateStatement(statement, options);
    return null;
  } catch (error) {
    if (error instanceof Invalid) return error.message;
    throw error;
  }
}

function validateStatement(value: unknown, options: Options): void {
  const json = fields(value, '', STATEMENT_KEYS, 'a statement object');
  if ('id' in json) formatted(json.id, '/id', isUuid, 'a UUID');
  body(json, '', options, false);
  if ('stored' in json) formatted(json.stored, '/stored', isTimestamp, 'an ISO 8601 timestamp with a time zone');
  if ('authority' in json) authority(json.authority);
  if ('version' in json) version(json.version, options);
  const verbId = (json.verb as Json).id;
  if (verbId === VOIDED_VERB && peekObjectType(json.object) !== 'StatementRef') {
    fail('/object/objectType', 'must be "StatementRef" in a voiding statement');
  }
}

/** What a statement and a SubStatement share: actor, verb, object, result, context, timestamp, attachments. */
function body(json: Json, path: string, options: Options, nested: boolean): void {
  actor(required(json, 'actor', path), child(path, 'actor'));
  verb(required(json, 'verb', path), child(path, 'verb'));
  const objectPath = child(path, 'object');
  const object = required(json, 'object', path);
  const objectType = peekObjectType(object);
  switch (objectType) {
    case undefined:
    case 'Activity':
      activity(object, objectPath);
      break;
    case 'Agent':
      agent(object, objectPath);
      break;
    case 'Group':
      group(object, objectPath);
      break;
    case 'StatementRef':
      statementRef(object, objectPath);
      break;
    case 'SubStatement':
      if (nested) fail(child(objectPath, 'objectType'), 'must not be "SubStatement" inside a SubStatement');
      subStatement(object, objectPath, options);
      break;
    default:
      if (object === null || typeof object !== 'object' || Array.isArray(object)) fields(object, objectPath, []);
      fail(child(objectPath, 'objectType'), 'must be Activity, Agent, Group, StatementRef or SubStatement');
  }
  if ('result' in json) result(json.result, child(path, 'result'));
  const objectIsActivity = objectType === undefined || objectType === 'Activity';
  if ('context' in json) context(json.context, child(path, 'context'), objectIsActivity, options);
  if ('timestamp' in json) {
    formatted(json.timestamp, child(path, 'timestamp'), isTimestamp, 'an ISO 8601 timestamp with a time zone');
  }
  if ('attachments' in json) attachments(json.attachments, child(path, 'attachments'));
}

function subStatement(value: unknown, path: string, options: Options): void {
  const json = fields(value, path, SUB_STATEMENT_KEYS, 'a SubStatement object');
  body(json, path, options, true);
}

/** An Agent, or the anonymous two-Agent Group of a 3-legged OAuth authority (xAPI Data 2.4.9). */
function authority(value: unknown): void {
  if (peekObjectType(value) !== 'Group') return agent(value, '/authority');
  group(value, '/authority');
  const json = value as Json;
  if (['mbox', 'mbox_sha1sum', 'openid', 'account'].some((ifi) => ifi in json)) {
    fail('/authority', 'must not be an identified Group');
  }
  if (!Array.isArray(json.member) || json.member.length !== 2) fail('/authority/member', 'must list exactly two Agents');
}

function version(value: unknown, options: Options): void {
  const text = string(value, '/version');
  const accepted = options.version === '2.0' ? /^(?:1\.0|2\.0)(?:\.\d+)?$/ : /^1\.0(?:\.\d+)?$/;
  if (!accepted.test(text)) {
    fail('/version', options.version === '2.0' ? 'must be 1.0.x or 2.0.x' : 'must be 1.0.x');
  }
}

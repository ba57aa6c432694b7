import { isDuration, isLanguageTag, isMediaType, isSha2Hex, isUuid } from './formats.js';
import { array, boolean, child, fail, fields, formatted, number, required, string } from './invalid.js';
import { activities } from './validate-activity.js';
import { actor, agent, group } from './validate-actor.js';
import { extensions, iri, languageMap, type Options } from './validate-common.js';

export function verb(value: unknown, path: string): void {
  const json = fields(value, path, ['id', 'display'], 'a Verb object');
  iri(required(json, 'id', path), child(path, 'id'));
  if ('display' in json) languageMap(json.display, child(path, 'display'));
}

export function statementRef(value: unknown, path: string): void {
  const json = fields(value, path, ['objectType', 'id'], 'a StatementRef object');
  if (json.objectType !== 'StatementRef') fail(child(path, 'objectType'), 'must be "StatementRef"');
  formatted(required(json, 'id', path), child(path, 'id'), isUuid, 'a UUID');
}

export function result(value: unknown, path: string): void {
  const json = fields(value, path, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
  if ('score' in json) score(json.score, child(path, 'score'));
  if ('success' in json) boolean(json.success, child(path, 'success'));
  if ('completion' in json) boolean(json.completion, child(path, 'completion'));
  if ('response' in json) string(json.response, child(path, 'response'));
  if ('duration' in json) formatted(json.duration, child(path, 'duration'), isDuration, 'an ISO 8601 duration');
  if ('extensions' in json) extensions(json.extensions, child(path, 'extensions'));
}

function score(value: unknown, path: string): void {
  const json = fields(value, path, ['scaled', 'raw', 'min', 'max']);
  const scaled = 'scaled' in json ? number(json.scaled, child(path, 'scaled')) : undefined;
  const raw = 'raw' in json ? number(json.raw, child(path, 'raw')) : undefined;
  const min = 'min' in json ? number(json.min, child(path, 'min')) : undefined;
  const max = 'max' in json ? number(json.max, child(path, 'max')) : undefined;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(child(path, 'scaled'), 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && min >= max) fail(child(path, 'min'), 'must be less than max');
  if (raw !== undefined && min !== undefined && raw < min) fail(child(path, 'raw'), 'must not be less than min');
  if (raw !== undefined && max !== undefined && raw > max) fail(child(path, 'raw'), 'must not be greater than max');
}

const CONTEXT_KEYS = [
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
];

export function context(value: unknown, path: string, objectIsActivity: boolean, options: Options): void {
  const keys = options.version === '2.0' ? [...CONTEXT_KEYS, 'contextAgents', 'contextGroups'] : CONTEXT_KEYS;
  const json = fields(value, path, keys);
  if ('registration' in json) formatted(json.registration, child(path, 'registration'), isUuid, 'a UUID');
  if ('instructor' in json) actor(json.instructor, child(path, 'instructor'));
  if ('team' in json) group(json.team, child(path, 'team'));
  if ('contextActivities' in json) {
    const cpath = child(path, 'contextActivities');
    const ca = fields(json.contextActivities, cpath, ['parent', 'grouping', 'category', 'other']);
    for (const [key, item] of Object.entries(ca)) activities(item, child(cpath, key));
  }
  for (const key of ['revision', 'platform'] as const) {
    if (!(key in json)) continue;
    string(json[key], child(path, key));
    if (!objectIsActivity) fail(child(path, key), 'is only allowed when the object is an Activity');
  }
  if ('language' in json) formatted(json.language, child(path, 'language'), isLanguageTag, 'an RFC 5646 language tag');
  if ('statement' in json) statementRef(json.statement, child(path, 'statement'));
  if ('extensions' in json) extensions(json.extensions, child(path, 'extensions'));
  if ('contextAgents' in json) contextMembers(json.contextAgents, child(path, 'contextAgents'), 'contextAgent');
  if ('contextGroups' in json) contextMembers(json.contextGroups, child(path, 'contextGroups'), 'contextGroup');
}

/** xAPI 2.0 `contextAgents` / `contextGroups`. */
function contextMembers(value: unknown, path: string, objectType: 'contextAgent' | 'contextGroup'): void {
  const who = objectType === 'contextAgent' ? 'agent' : 'group';
  array(value, path).forEach((item, i) => {
    const itemPath = child(path, i);
    const json = fields(item, itemPath, ['objectType', who, 'relevantTypes'], `a ${objectType} object`);
    if (json.objectType !== objectType) fail(child(itemPath, 'objectType'), `must be "${objectType}"`);
    const member = required(json, who, itemPath);
    if (who === 'agent') agent(member, child(itemPath, who));
    else group(member, child(itemPath, who));
    if ('relevantTypes' in json) {
      const types = array(json.relevantTypes, child(itemPath, 'relevantTypes'));
      if (types.length === 0) fail(child(itemPath, 'relevantTypes'), 'must not be empty');
      for (const [j, type] of types.entries()) iri(type, child(child(itemPath, 'relevantTypes'), j));
    }
  });
}

const ATTACHMENT_KEYS = ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'];

export function attachments(value: unknown, path: string): void {
  array(value, path).forEach((item, i) => {
    const itemPath = child(path, i);
    const json = fields(item, itemPath, ATTACHMENT_KEYS, 'an attachment object');
    iri(required(json, 'usageType', itemPath), child(itemPath, 'usageType'));
    languageMap(required(json, 'display', itemPath), child(itemPath, 'display'));
    if ('description' in json) languageMap(json.description, child(itemPath, 'description'));
    formatted(required(json, 'contentType', itemPath), child(itemPath, 'contentType'), isMediaType, 'a media type');
    const length = number(required(json, 'length', itemPath), child(itemPath, 'length'));
    if (!Number.isInteger(length) || length < 0) fail(child(itemPath, 'length'), 'must be a non-negative integer');
    formatted(required(json, 'sha2', itemPath), child(itemPath, 'sha2'), isSha2Hex, 'a SHA-2 hex string');
    if ('fileUrl' in json) iri(json.fileUrl, child(itemPath, 'fileUrl'));
  });
}

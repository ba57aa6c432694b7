import { isIri, isMailto, isSha1Hex } from './formats.js';
import { array, child, fail, fields, formatted, type Json, required, string } from './invalid.js';

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS = ['objectType', 'name', ...IFIS];
const GROUP_KEYS = ['objectType', 'name', 'member', ...IFIS];

/** An Agent or a Group, as `actor`, `instructor`, `authority` or an object (where `objectType` is required). */
export function actor(value: unknown, path: string): void {
  const objectType = peekObjectType(value);
  if (objectType === 'Group') group(value, path);
  else agent(value, path);
}

export function agent(value: unknown, path: string): void {
  const json = fields(value, path, AGENT_KEYS, 'an Agent object');
  if ('objectType' in json && json.objectType !== 'Agent') fail(child(path, 'objectType'), 'must be "Agent"');
  if ('name' in json) string(json.name, child(path, 'name'));
  if (countIfis(json, path) !== 1) fail(path, 'must have exactly one of mbox, mbox_sha1sum, openid, account');
}

export function group(value: unknown, path: string): void {
  const json = fields(value, path, GROUP_KEYS, 'a Group object');
  if (json.objectType !== 'Group') fail(child(path, 'objectType'), 'must be "Group"');
  if ('name' in json) string(json.name, child(path, 'name'));
  const ifis = countIfis(json, path);
  if (ifis > 1) fail(path, 'must have at most one of mbox, mbox_sha1sum, openid, account');
  if (ifis === 0 && !('member' in json)) fail(child(path, 'member'), 'is required in an anonymous Group');
  if ('member' in json) {
    const members = array(json.member, child(path, 'member'));
    members.forEach((member, i) => {
      const memberPath = child(child(path, 'member'), i);
      if (peekObjectType(member) === 'Group') fail(child(memberPath, 'objectType'), 'must be "Agent" (no Groups in a Group)');
      agent(member, memberPath);
    });
  }
}

function countIfis(json: Json, path: string): number {
  let count = 0;
  if ('mbox' in json) {
    formatted(json.mbox, child(path, 'mbox'), isMailto, 'a mailto IRI');
    count++;
  }
  if ('mbox_sha1sum' in json) {
    formatted(json.mbox_sha1sum, child(path, 'mbox_sha1sum'), isSha1Hex, 'a SHA-1 hex string');
    count++;
  }
  if ('openid' in json) {
    formatted(json.openid, child(path, 'openid'), isIri, 'an absolute IRI');
    count++;
  }
  if ('account' in json) {
    account(json.account, child(path, 'account'));
    count++;
  }
  return count;
}

function account(value: unknown, path: string): void {
  const json = fields(value, path, ['homePage', 'name'], 'an account object');
  formatted(required(json, 'homePage', path), child(path, 'homePage'), isIri, 'an absolute IRL');
  string(required(json, 'name', path), child(path, 'name'));
}

export function peekObjectType(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json).objectType
    : undefined;
}

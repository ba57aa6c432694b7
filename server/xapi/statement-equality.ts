import { canonicalJson } from '../util/canonical-json.js';
import { lowerDomain } from './statement-index.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Statement comparison of xapi.md: equal after removing what the specification exempts from immutability
 * (id, authority, stored, attachments, activity definitions, verb display, member order, timestamp and version
 * when one side lacks them; timestamps as instants; durations to 0.01 s; UUIDs and mbox domains case-insensitively).
 */
export function statementsEqual(a: Json, b: Json): boolean {
  const left = comparable(a);
  const right = comparable(b);
  for (const key of ['version', 'timestamp']) {
    if (!(key in left) || !(key in right)) {
      delete left[key];
      delete right[key];
    }
  }
  return canonicalJson(left) === canonicalJson(right);
}

function comparable(statement: Json): Json {
  const copy = structuredClone(statement);
  for (const key of ['id', 'authority', 'stored', 'attachments']) delete copy[key];
  if (typeof copy.timestamp === 'string') copy.timestamp = instant(copy.timestamp);
  return clean(copy) as Json;
}

function clean(node: Json): Json {
  if (isObject(node.verb)) node.verb = { id: node.verb.id };
  if (isObject(node.result) && typeof node.result.duration === 'string') node.result.duration = hundredths(node.result.duration);
  for (const key of ['actor', 'object', 'authority']) if (isObject(node[key])) agentOrObject(node[key] as Json);
  if (isObject(node.object)) {
    const object = node.object;
    if (object.objectType === 'SubStatement') {
      if (typeof object.timestamp === 'string') object.timestamp = instant(object.timestamp);
      delete object.attachments;
      clean(object);
    }
    if (object.objectType === 'StatementRef' && typeof object.id === 'string') object.id = object.id.toLowerCase();
  }
  if (isObject(node.context)) {
    const context = node.context;
    if (typeof context.registration === 'string') context.registration = context.registration.toLowerCase();
    if (isObject(context.statement) && typeof context.statement.id === 'string') {
      context.statement.id = context.statement.id.toLowerCase();
    }
    for (const key of ['instructor', 'team']) if (isObject(context[key])) agentOrObject(context[key] as Json);
    if (isObject(context.contextActivities)) {
      const activities = context.contextActivities;
      for (const [key, value] of Object.entries(activities)) {
        // A single Activity and an array of one are the same (the LRS serves both as an array).
        const list = Array.isArray(value) ? value : [value];
        for (const activity of list) if (isObject(activity)) delete activity.definition;
        activities[key] = list;
      }
    }
  }
  return node;
}

function agentOrObject(node: Json): void {
  if ((node.objectType ?? 'Activity') === 'Activity' && !('mbox' in node || 'account' in node || 'openid' in node)) {
    delete node.definition;
  }
  if (typeof node.mbox === 'string') node.mbox = lowerDomain(node.mbox);
  if (Array.isArray(node.member)) {
    for (const member of node.member) if (isObject(member)) agentOrObject(member);
    node.member = [...node.member].sort((x, y) => (canonicalJson(x) < canonicalJson(y) ? -1 : 1));
  }
}

/**
 * A duration to 0.01 s: precision beyond it does not count when statements are compared (xAPI 2.0 4.2.7; 1.0.3 Data
 * 4.6 SHOULD*), so `PT1.1237S` and `PT1.12S` are the same, as are `PT1.1S` and `PT1.10S`.
 */
function hundredths(duration: string): string {
  return duration.replace(/(\d+)(?:\.(\d*))?S$/, (_all, whole: string, fraction: string | undefined) => {
    const digits = (fraction ?? '').padEnd(2, '0').slice(0, 2);
    return digits === '00' ? `${whole}S` : `${whole}.${digits}S`;
  });
}

function instant(timestamp: string): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : new Date(time).toISOString();
}

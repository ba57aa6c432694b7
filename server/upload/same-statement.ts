import { canonicalJson } from '../util/canonical-json.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Statement equality of xapi.md, for "is what the LRS holds under this id the statement we sent?": id,
 * authority, stored and version ignored, timestamps compared as instants, activity definitions and verb displays
 * ignored, and the defaults an LRS fills in (objectType Agent/Activity) treated as absent.
 */
export function sameStatement(ours: unknown, theirs: unknown): boolean {
  return canonicalJson(comparable(ours)) === canonicalJson(comparable(theirs));
}

function comparable(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { id: _id, authority: _authority, stored: _stored, version: _version, attachments: _attachments, ...rest } = value;
  const copy: Json = { ...rest };
  if (typeof copy.timestamp === 'string') {
    const instant = Date.parse(copy.timestamp);
    copy.timestamp = Number.isNaN(instant) ? copy.timestamp : new Date(instant).toISOString();
  }
  if (isObject(copy.actor)) copy.actor = withoutDefault(copy.actor, 'Agent');
  if (isObject(copy.verb)) copy.verb = { id: copy.verb.id };
  if (isObject(copy.object)) {
    const object = withoutDefault(copy.object, 'Activity');
    if (object.objectType === undefined) delete object.definition;
    copy.object = object;
  }
  if (isObject(copy.context) && isObject(copy.context.contextActivities)) {
    const activities: Json = {};
    for (const [kind, list] of Object.entries(copy.context.contextActivities)) {
      const items = Array.isArray(list) ? list : [list];
      activities[kind] = items.map((item) => (isObject(item) ? { id: item.id } : item));
    }
    copy.context = { ...copy.context, contextActivities: activities };
  }
  return copy;
}

function withoutDefault(value: Json, objectType: string): Json {
  const copy: Json = { ...value };
  if (copy.objectType === objectType) delete copy.objectType;
  return copy;
}

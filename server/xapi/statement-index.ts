/**
 * What a stored statement is found by in queries (xapi.md §8.2): the inverse functional identifiers of the agents
 * it mentions and the activity ids, each marked "direct" (matched by `agent` / `activity`) or "related" (only with
 * related_agents / related_activities).
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stable key for an Agent's or identified Group's identifier; undefined for an anonymous Group. */
export function ifiKey(agent: unknown): string | undefined {
  if (!isObject(agent)) return undefined;
  if (typeof agent.mbox === 'string') return JSON.stringify(['mbox', lowerDomain(agent.mbox)]);
  if (typeof agent.mbox_sha1sum === 'string') return JSON.stringify(['mbox_sha1sum', agent.mbox_sha1sum.toLowerCase()]);
  if (typeof agent.openid === 'string') return JSON.stringify(['openid', agent.openid]);
  if (isObject(agent.account)) return JSON.stringify(['account', agent.account.homePage, agent.account.name]);
  return undefined;
}

/** The domain part of an email address is case-insensitive. */
export function lowerDomain(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  return at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase();
}

export interface IndexEntry {
  key: string;
  related: boolean;
}

/** The agent and member identifiers of an Agent or Group. */
function agentKeys(agent: unknown, related: boolean, out: IndexEntry[]): void {
  const key = ifiKey(agent);
  if (key) out.push({ key, related });
  if (isObject(agent) && Array.isArray(agent.member)) {
    for (const member of agent.member) {
      const memberKey = ifiKey(member);
      if (memberKey) out.push({ key: memberKey, related });
    }
  }
}

export function agentIndex(statement: Json): IndexEntry[] {
  const out: IndexEntry[] = [];
  agentParts(statement, false, out);
  if (isObject(statement.authority)) agentKeys(statement.authority, true, out);
  return dedupe(out);
}

function agentParts(statement: Json, nested: boolean, out: IndexEntry[]): void {
  agentKeys(statement.actor, nested, out);
  const object = statement.object;
  if (isObject(object)) {
    if (object.objectType === 'Agent' || object.objectType === 'Group') agentKeys(object, nested, out);
    if (object.objectType === 'SubStatement') agentParts(object, true, out);
  }
  const context = isObject(statement.context) ? statement.context : {};
  if (context.instructor) agentKeys(context.instructor, true, out);
  if (context.team) agentKeys(context.team, true, out);
  for (const item of Array.isArray(context.contextAgents) ? context.contextAgents : []) {
    if (isObject(item)) agentKeys(item.agent, true, out);
  }
  for (const item of Array.isArray(context.contextGroups) ? context.contextGroups : []) {
    if (isObject(item)) agentKeys(item.group, true, out);
  }
}

export function activityIndex(statement: Json): IndexEntry[] {
  const out: IndexEntry[] = [];
  activityParts(statement, false, out);
  return dedupe(out);
}

function activityParts(statement: Json, nested: boolean, out: IndexEntry[]): void {
  const object = statement.object;
  if (isObject(object)) {
    const type = object.objectType ?? 'Activity';
    if (type === 'Activity' && typeof object.id === 'string') out.push({ key: object.id, related: nested });
    if (type === 'SubStatement') activityParts(object, true, out);
  }
  const context = isObject(statement.context) ? statement.context : {};
  const contextActivities = isObject(context.contextActivities) ? context.contextActivities : {};
  for (const value of Object.values(contextActivities)) {
    for (const activity of Array.isArray(value) ? value : [value]) {
      if (isObject(activity) && typeof activity.id === 'string') out.push({ key: activity.id, related: true });
    }
  }
}

function dedupe(entries: IndexEntry[]): IndexEntry[] {
  const seen = new Map<string, IndexEntry>();
  for (const entry of entries) {
    const id = `${entry.related ? 1 : 0}${entry.key}`;
    if (!seen.has(id)) seen.set(id, entry);
  }
  return [...seen.values()];
}

import { sameHomePage } from '../store/xapi-players.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The CSV's `object_id` and `object_type` of a statement's object. An Activity: its id and its definition's type (as
 * always). Any other object names its kind (`StatementRef`, `Agent`, `Group`, `SubStatement`) and what identifies it:
 * a StatementRef the id of the statement it refers to (a voiding statement's object is the voided statement), an
 * Agent or Group its identifier (`mailto:` address, `mbox_sha1sum`, `openid`, or an account: on this Aula's home page
 * its name, the playerId or pseudonym the `player_id` column shows for that player, elsewhere `<homePage>#<name>`);
 * a SubStatement and a Group without an identifier have none. `statement` is already pseudonymised when asked, so an
 * agent here is named by its pseudonym.
 */
export function objectCells(object: Json, homePages: ReadonlyArray<string | null | undefined>): [id: unknown, type: unknown] {
  const kind = object.objectType;
  if (kind === undefined || kind === 'Activity') {
    const definition = isObject(object.definition) ? object.definition : {};
    return [object.id, definition.type];
  }
  if (kind === 'Agent' || kind === 'Group') return [agentIdentifier(object, homePages), kind];
  if (kind === 'StatementRef') return [object.id, kind];
  return [null, kind];
}

function agentIdentifier(agent: Json, homePages: ReadonlyArray<string | null | undefined>): string | null {
  if (typeof agent.mbox === 'string') return agent.mbox;
  if (typeof agent.mbox_sha1sum === 'string') return agent.mbox_sha1sum;
  if (typeof agent.openid === 'string') return agent.openid;
  const account = isObject(agent.account) ? agent.account : undefined;
  if (account === undefined || typeof account.name !== 'string') return null;
  if (homePages.some((homePage) => typeof homePage === 'string' && sameHomePage(account.homePage, homePage))) return account.name;
  return `${String(account.homePage)}#${account.name}`;
}

import { type NormalizeSettings, pseudonym, type StoredStatementRow } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { derivedXapiPlayerId, sameHomePage } from '../store/xapi-players.js';
import { canonicalJson } from '../util/canonical-json.js';
import { SIGNATURE_USAGE } from '../xapi/request-attachments.js';
import { ifiKey } from '../xapi/statement-index.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What exports and uploads are encoded with: normalisation's settings, plus the roster when pseudonymising. */
export interface ExportSettings extends NormalizeSettings {
  /**
   * When pseudonymising: which player an agent identified by a roster student's e-mail address or username is, as
   * the xAPI resource decides it (store/xapi-players.ts). Keys `mbox:<address>` and `account:<username>`, ASCII
   * letters lower-cased (SQLite's NOCASE and lower()); values the student's username, their player's playerId.
   */
  rosterPlayers?: Map<string, string>;
}

/** The roster's e-mail addresses and usernames, for settings that pseudonymise. */
export function rosterPlayers(db: Db): Map<string, string> {
  const roster = new Map<string, string>();
  const students = db.prepare("SELECT username, email FROM students ORDER BY created, rowid").all() as Array<{ username: string; email: string }>;
  for (const { username, email } of students) {
    roster.set(`account:${asciiLower(username)}`, username);
    // The oldest student with an address gets its mail, as the xAPI resource does.
    if (email !== '' && !roster.has(`mbox:${asciiLower(email)}`)) roster.set(`mbox:${asciiLower(email)}`, username);
  }
  return roster;
}

const asciiLower = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

const IDENTIFIERS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/**
 * The playerId the xAPI resource gives (or would give) an agent sent as actor (store/xapi-players.ts): a roster
 * student's username, a name in an account on this installation, else `xapi-` and a hash of its identifier. So an
 * agent named in a context or an object gets the pseudonym of the same player as its own statements.
 */
export function agentPlayerId(agent: Json, settings: ExportSettings): string {
  const account = isObject(agent.account) ? agent.account : undefined;
  if (account && typeof account.name === 'string' && sameHomePage(account.homePage, settings.homePage)) {
    return settings.rosterPlayers?.get(`account:${asciiLower(account.name)}`) ?? account.name;
  }
  if (typeof agent.mbox === 'string') {
    const student = settings.rosterPlayers?.get(`mbox:${asciiLower(agent.mbox.slice('mailto:'.length))}`);
    if (student !== undefined) return student;
  }
  return derivedXapiPlayerId(ifiKey(agent) ?? canonicalJson(agent));
}

/**
 * An Agent or Group with nothing left that names a person: its identifier (mbox, mbox_sha1sum, openid, account)
 * becomes an account on this installation named by the player's pseudonym, as RAGE players' accounts are (N-7),
 * its name the same pseudonym, a group's members each their own. `player` is the row's player for the actor.
 */
export function hiddenAgent(agent: unknown, player: string | null, settings: ExportSettings, salt: string): unknown {
  if (!isObject(agent)) return agent;
  const hidden = pseudonym(salt, player ?? agentPlayerId(agent, settings));
  const out: Json = {};
  if ('objectType' in agent) out.objectType = agent.objectType;
  if ('name' in agent) out.name = hidden;
  // An anonymous group stays anonymous: only its members are named.
  if (IDENTIFIERS.some((key) => key in agent)) out.account = { homePage: settings.homePage, name: hidden };
  if ('member' in agent) {
    out.member = Array.isArray(agent.member) ? agent.member.map((member) => hiddenAgent(member, null, settings, salt)) : [];
  }
  return out;
}

/** The statement's actor as a pseudonymised export shows it; `actor` is already normalised. */
export function hiddenActor(actor: unknown, row: Pick<StoredStatementRow, 'source' | 'playerPublicId'>, settings: ExportSettings, salt: string): unknown {
  // A RAGE player's actor is already pseudonymised by normalisation (N-7); it never has other identifiers, and
  // should a tracker add one, it goes.
  if (row.source === 'rage' && row.playerPublicId !== null) {
    if (!isObject(actor) || !('mbox' in actor || 'mbox_sha1sum' in actor || 'openid' in actor)) return actor;
    const { mbox: _mbox, mbox_sha1sum: _sha1, openid: _openid, ...rest } = actor;
    return rest;
  }
  return hiddenAgent(actor, row.playerPublicId, settings, salt);
}

/** An object that is an Agent or Group, or a SubStatement (its actor, object and context), pseudonymised. */
export function hiddenObject(object: unknown, settings: ExportSettings, salt: string): unknown {
  if (!isObject(object)) return object;
  if (object.objectType === 'Agent' || object.objectType === 'Group') return hiddenAgent(object, null, settings, salt);
  if (object.objectType !== 'SubStatement') return object;
  const sub: Json = { ...object };
  if ('actor' in sub) sub.actor = hiddenAgent(sub.actor, null, settings, salt);
  if ('object' in sub) sub.object = hiddenObject(sub.object, settings, salt);
  if ('context' in sub) sub.context = hiddenContext(sub.context, settings, salt);
  return sub;
}

/** A context's instructor and team, pseudonymised. */
export function hiddenContext(context: unknown, settings: ExportSettings, salt: string): unknown {
  if (!isObject(context) || !('instructor' in context || 'team' in context)) return context;
  const copy: Json = { ...context };
  if ('instructor' in copy) copy.instructor = hiddenAgent(copy.instructor, null, settings, salt);
  if ('team' in copy) copy.team = hiddenAgent(copy.team, null, settings, salt);
  return copy;
}

/**
 * A normalised statement as a pseudonymised export or upload sends it: no agent keeps a name, an e-mail address or
 * an account of its own. The authority stays: it is Aula itself or the activity's credentials, never a player.
 */
export function hideAgents(statement: Json, row: Pick<StoredStatementRow, 'source' | 'playerPublicId'>, settings: ExportSettings): Json {
  const salt = settings.pseudonymSalt;
  if (salt === null) return statement;
  const out: Json = { ...statement };
  if ('actor' in out) out.actor = hiddenActor(out.actor, row, settings, salt);
  if ('object' in out) out.object = hiddenObject(out.object, settings, salt);
  if ('context' in out) out.context = hiddenContext(out.context, settings, salt);
  if ('attachments' in out) hideAttachments(out);
  if (isObject(out.object) && out.object.objectType === 'SubStatement' && 'attachments' in out.object) {
    out.object = { ...out.object };
    hideAttachments(out.object as Json);
  }
  return out;
}

/**
 * Attachment data (a picture, a recording, a file) cannot be pseudonymised, and a signature's JWS carries the
 * statement as signed, real actor included: a pseudonymised statement keeps only the attachments that link to a
 * `fileUrl` (no data of Aula's goes with them), never a signature, so its data is never exported or uploaded.
 */
function hideAttachments(statement: Json): void {
  const kept = Array.isArray(statement.attachments)
    ? (statement.attachments as unknown[]).filter((one) => isObject(one) && typeof one.fileUrl === 'string' && one.usageType !== SIGNATURE_USAGE)
    : [];
  if (kept.length > 0) statement.attachments = kept;
  else delete statement.attachments;
}

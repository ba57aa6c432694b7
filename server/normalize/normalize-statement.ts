import { objectIdFor } from '../collector/object-id.js';
import { canonicalTimestamp } from './canonical-timestamp.js';
import { asIri, asObjectIri, underNamespace } from './iri.js';
import { pseudonym } from './pseudonym.js';
import { seriousGamesType } from './serious-games.js';
import type { NormalizeSettings } from './settings.js';

type Json = Record<string, unknown>;

/** A stored statement with what normalisation needs to know about its player and game version. */
export interface StoredStatementRow {
  /** The statement id Aula serves (N-1): never regenerated. */
  id: string;
  stored: string;
  source: 'rage' | 'xapi';
  /** The statement as received (and augmented by the collector). */
  json: string;
  /** players.public_id: the contract's playerId (an anonymous id or a student's username). */
  playerPublicId: string | null;
  playerKind: 'anonymous' | 'identified' | null;
  gameId: string | null;
  versionId: string | null;
  versionLink: string | null;
}

/**
 * Columns and joins that produce a StoredStatementRow, for `SELECT ${NORMALIZE_COLUMNS} FROM ${NORMALIZE_FROM} WHERE …`
 * (statements are aliased `s`).
 */
export const NORMALIZE_COLUMNS = `s.id, s.stored, s.source, s.json, p.public_id AS playerPublicId, p.kind AS playerKind,
  v.game_id AS gameId, v.id AS versionId, v.link AS versionLink`;
export const NORMALIZE_FROM = `statements s LEFT JOIN players p ON p.id = s.player_id
  LEFT JOIN sessions se ON se.id = s.session_id LEFT JOIN versions v ON v.id = se.version_id`;

/** The collector's own keys (rage-collector.md C-6.5): they describe the session, so they go to context (N-4). */
export const AUGMENTATION_KEYS = [
  'gameplayId',
  'versionId',
  'activityId',
  'session',
  'firstSessionStarted',
  'currentSessionStarted',
] as const;

export const ORIGINAL_TIMESTAMP = 'original-timestamp';
/** The order of a normalised statement's members; other members follow in the order received. */
export const FIRST_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version'];

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The xAPI form of a stored statement (xapi.md §10, N-1 to N-8): a pure, deterministic function of the row and the
 * installation settings, so every export and every upload attempt produces the same JSON for the same statement.
 * Whether the result is valid xAPI is checked separately (N-9); this function never throws on odd input.
 */
export function normalizeStatement(row: StoredStatementRow, settings: NormalizeSettings): Json {
  const parsed: unknown = JSON.parse(row.json);
  const received: Json = isObject(parsed) ? parsed : {};
  const ns = settings.namespace;
  const out: Json = {};
  out.id = row.id;
  if ('actor' in received) out.actor = normalizeActor(received.actor, row, settings);
  if ('verb' in received) out.verb = normalizeVerb(received.verb, ns);
  const movedToContext: Json = {};
  if ('object' in received) {
    out.object = normalizeObject(received.object, objectBaseOf(row, settings), ns, row.source === 'rage' ? movedToContext : null);
  }
  if ('result' in received) out.result = normalizeResult(received.result, ns);
  const context = normalizeContext(received.context, ns);
  addContextExtensions(context, movedToContext, ns);
  const timestamp = received.timestamp;
  const written = typeof timestamp === 'string' ? canonicalTimestamp(timestamp) : null;
  out.timestamp = written ?? row.stored;
  // What the game sent, whenever what leaves differs from it: replaced by stored, or the same instant written otherwise.
  if (timestamp !== undefined && written !== timestamp) extensionsOf(context)[underNamespace(ns, 'extensions', ORIGINAL_TIMESTAMP)] = timestamp;
  if (Object.keys(context).length > 0 || 'context' in received) out.context = context;
  out.stored = row.stored;
  out.authority = normalizeAuthority(received.authority, row.source, settings.homePage);
  out.version = normalizeVersion(received.version, row.source);
  for (const [key, value] of Object.entries(received)) if (!FIRST_KEYS.includes(key)) out[key] = value;
  return reorder(out);
}

/** N-2: statements that came through the RAGE collector are vouched for by Aula itself. */
export function collectorAgent(homePage: string): Json {
  return { objectType: 'Agent', name: 'Aula collector', account: { homePage, name: 'aula-collector' } };
}

// The member-level steps below are exported for the export's memoising encoder (server/export/statement-encoder.ts),
// which composes exactly these functions; each is pure and never mutates its input.

export function normalizeActor(actor: unknown, row: StoredStatementRow, settings: NormalizeSettings): unknown {
  return row.source === 'rage' ? rageActor(actor, row, settings) : actor;
}

/** N-2 */
export function normalizeAuthority(authority: unknown, source: StoredStatementRow['source'], homePage: string): unknown {
  return source === 'rage' || !isObject(authority) ? collectorAgent(homePage) : authority;
}

export function normalizeVersion(version: unknown, source: StoredStatementRow['source']): string {
  return source === 'xapi' && typeof version === 'string' ? version : '1.0.0';
}

/** Where relative object ids of this row's game version are resolved (N-6), or null without a version. */
export function objectBaseOf(
  row: Pick<StoredStatementRow, 'gameId' | 'versionId' | 'versionLink'>,
  settings: Pick<NormalizeSettings, 'homePage'>,
): string | null {
  return row.gameId !== null && row.versionId !== null
    ? objectIdFor(settings.homePage, { gameId: row.gameId, versionId: row.versionId, link: row.versionLink })
    : null;
}

/** The collector's keys moved out of the object (N-4) go to context.extensions, after what the context had. */
export function addContextExtensions(context: Json, moved: Json, ns: string): void {
  for (const [key, value] of Object.entries(moved)) extensionsOf(context)[underNamespace(ns, 'extensions', key)] = value;
}

/** The account name RAGE gives every anonymous player alike (C-5.7): it names nobody. */
const SHARED_ANONYMOUS_ACCOUNT = 'Anonymous';

/**
 * N-7: RAGE's shared "Anonymous" account becomes one account per player; on request every name becomes the player's
 * keyed hash: a username, and the actor's `name` of any player, an anonymous one's too (the animal name the start
 * answered, which the teacher's dashboard shows, or a name the game asked the child for).
 */
function rageActor(actor: unknown, row: StoredStatementRow, settings: NormalizeSettings): unknown {
  if (!isObject(actor) || row.playerPublicId === null) return actor;
  const salt = settings.pseudonymSalt;
  const hidden = salt !== null ? pseudonym(salt, row.playerPublicId) : null;
  const copy: Json = { ...actor };
  const identified = row.playerKind === 'identified';
  if (settings.actors === 'per-player') {
    copy.account = { homePage: settings.homePage, name: hidden ?? row.playerPublicId };
  } else if (hidden !== null && isObject(actor.account) && (identified || actor.account.name !== SHARED_ANONYMOUS_ACCOUNT)) {
    // As sent, an anonymous player keeps the shared account; any other name in it is the player's and is hidden.
    copy.account = { ...actor.account, name: hidden };
  }
  if (hidden !== null && 'name' in copy) copy.name = hidden;
  return copy;
}

export function normalizeVerb(value: unknown, ns: string): unknown {
  if (!isObject(value)) return value;
  const copy: Json = { ...value };
  if (typeof copy.id === 'string') copy.id = asIri(copy.id, ns, 'verbs');
  return copy;
}

/** `moved` (RAGE rows only) receives the collector's keys taken out of the object's extensions. */
export function normalizeObject(value: unknown, objectBase: string | null, ns: string, moved: Json | null): unknown {
  if (!isObject(value)) return value;
  if (value.objectType !== undefined && value.objectType !== 'Activity') return value;
  // The tracker builds object ids from the start answer's objectId; a relative one is resolved against it.
  return activity(value, ns, objectBase, moved);
}

function activity(value: Json, ns: string, objectBase: string | null, moved: Json | null): Json {
  const copy: Json = { ...value };
  if (typeof copy.id === 'string') copy.id = asObjectIri(copy.id, objectBase, ns);
  if (isObject(copy.definition)) {
    const definition: Json = { ...copy.definition };
    if (typeof definition.type === 'string') definition.type = activityType(definition.type, ns);
    if (isObject(definition.extensions)) {
      const kept: Json = {};
      for (const [key, extension] of Object.entries(definition.extensions)) {
        if (moved && (AUGMENTATION_KEYS as readonly string[]).includes(key)) moved[key] = extension;
        else kept[key] = extension;
      }
      if (Object.keys(kept).length > 0) definition.extensions = mapExtensions(kept, ns);
      else delete definition.extensions;
    }
    if (Object.keys(definition).length > 0) copy.definition = definition;
    else delete copy.definition;
  }
  return copy;
}

/** N-5 */
function activityType(type: string, ns: string): string {
  if (/^[a-z][a-z0-9+.-]*:./i.test(type)) return asIri(type, ns, 'activity-types');
  return seriousGamesType(type) ?? underNamespace(ns, 'activity-types', type);
}

export function normalizeResult(value: unknown, ns: string): unknown {
  if (!isObject(value)) return value;
  const copy: Json = { ...value };
  if (isObject(copy.extensions)) copy.extensions = mapExtensions(copy.extensions, ns);
  return copy;
}

export function normalizeContext(value: unknown, ns: string): Json {
  if (!isObject(value)) return {};
  const copy: Json = { ...value };
  if (isObject(copy.extensions)) copy.extensions = mapExtensions(copy.extensions, ns);
  if (isObject(copy.contextActivities)) {
    const activities: Json = {};
    for (const [kind, list] of Object.entries(copy.contextActivities)) {
      activities[kind] = Array.isArray(list)
        ? list.map((item) => (isObject(item) ? activity(item, ns, null, null) : item))
        : isObject(list)
          ? activity(list, ns, null, null)
          : list;
    }
    copy.contextActivities = activities;
  }
  return copy;
}

function extensionsOf(context: Json): Json {
  if (!isObject(context.extensions)) context.extensions = {};
  return context.extensions as Json;
}

/** N-4: keys that are not absolute IRIs go under `<namespace>/extensions/<percent-encoded key>`. */
function mapExtensions(extensions: Json, ns: string): Json {
  const mapped: Json = {};
  for (const [key, value] of Object.entries(extensions)) mapped[asIri(key, ns, 'extensions')] = value;
  return mapped;
}

function reorder(statement: Json): Json {
  const ordered: Json = {};
  for (const key of FIRST_KEYS) if (key in statement) ordered[key] = statement[key];
  for (const [key, value] of Object.entries(statement)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

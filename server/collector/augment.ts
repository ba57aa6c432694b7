import type { SessionContext } from '../store/sessions-repo.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function child(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isObject(existing)) return existing;
  const created: Json = {};
  parent[key] = created;
  return created;
}

/** The keys augmentation writes into `object.definition.extensions`, in the order it writes them. */
export const sessionExtensionKeys = ['gameplayId', 'versionId', 'activityId', 'session', 'firstSessionStarted', 'currentSessionStarted'] as const;

/**
 * Session data written into `object.definition.extensions` (contract C-6.5), overwriting whatever the client put
 * there under these keys and touching nothing else. Mutates the parsed statement in place: it is serialised once,
 * right after.
 */
export function augmentStatement(statement: unknown, session: SessionContext): void {
  if (!isObject(statement)) return;
  const extensions = child(child(child(statement, 'object'), 'definition'), 'extensions');
  extensions.gameplayId = session.gameplayId;
  extensions.versionId = session.versionId;
  if (session.activityId) extensions.activityId = session.activityId;
  else delete extensions.activityId;
  extensions.session = session.number;
  extensions.firstSessionStarted = session.firstSessionStarted;
  extensions.currentSessionStarted = session.started;
}

const extensionsTexts = new WeakMap<SessionContext, string>();

/**
 * The members augmentStatement adds, as JSON.stringify writes them inside an object (no braces): what
 * stored-statement-text.ts splices into a statement's own bytes. The same for every statement of a session, so kept
 * with the session's context, which track reuses for a second (track-access-cache.ts).
 */
export function sessionExtensionsText(session: SessionContext): string {
  let text = extensionsTexts.get(session);
  if (text === undefined) {
    const added: Json = {};
    augmentStatement({ object: { definition: { extensions: added } } }, session);
    text = JSON.stringify(added).slice(1, -1);
    extensionsTexts.set(session, text);
  }
  return text;
}

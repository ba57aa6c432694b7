import { t } from '../../i18n/setup';
import type { DiagnosticItem } from './types';

/**
 * Sentences the server words itself (in English) and the dashboard says in the teacher's language. They are matched
 * exactly: what a game was told is shown as it was told, as evidence, and is never one of these.
 */
const TLS_MESSAGE = 'A game connected with https:// to this port, which speaks http:// only'; // server/diagnostics/tls-attempts.ts
const NO_FREE_NAME = 'No free name found on this network'; // server/mdns/mdns-responder.ts

/**
 * The lines' messages Aula words itself, with their translation's key. The game was told something else (the https://
 * connection nothing it could read, the other two M-TOKEN), so nothing the game's developer would search for is lost.
 */
type AulaDetailKey = 'diagnostics:tlsMessage' | 'diagnostics:noAuthorizationMessage' | 'diagnostics:erasedSessionMessage';

export const AULA_DETAILS: Readonly<Record<string, AulaDetailKey>> = {
  [TLS_MESSAGE]: 'diagnostics:tlsMessage',
  // server/collector/refusals.ts NO_AUTHORIZATION
  'No authToken: traces sent without the authToken of a start (no Authorization header, or null)': 'diagnostics:noAuthorizationMessage',
  // server/collector/refusals.ts ERASED_SESSION
  "Traces of a session whose player's data was erased: refused, and not kept": 'diagnostics:erasedSessionMessage',
};

/** Whose game a line is about: "brave-teal-otter · session 2", "a18 of 1A", "a18, in no class", a login's "a18". */
export function whoText(item: DiagnosticItem): string {
  const { who } = item;
  // An older answer without the parts: its English wording.
  if (!who) return item.player ?? item.detail;
  if (who.session !== null) return t('diagnostics:who.session', { name: who.name, number: who.session });
  if (who.classes === null) return who.name;
  if (who.classes.length === 0) return t('diagnostics:who.noClass', { name: who.name });
  return t('diagnostics:who.ofClasses', { name: who.name, classes: who.classes.join(', ') });
}

/**
 * A line's message: what the game was told, as it was told; Aula's own sentences (an https:// connection, traces with
 * no authToken, traces of an erased session) translated.
 */
export function detailText(detail: string): string {
  const key = Object.hasOwn(AULA_DETAILS, detail) ? AULA_DETAILS[detail] : undefined;
  return key ? t(key) : detail;
}

/** The LAN name's error: Aula's own sentence translated, the system's (a socket's) as it came. */
export function mdnsErrorText(error: string): string {
  return error === NO_FREE_NAME ? t('diagnostics:mdnsNoFreeName') : error;
}

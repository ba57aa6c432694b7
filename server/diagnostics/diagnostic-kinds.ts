import type { DiagnosticKind } from '../admin/api-types.js';
import { Messages } from '../collector/messages.js';
import { ERASED_SESSION, NO_AUTHORIZATION } from '../collector/refusals.js';

/** The groups of the teacher's diagnostics, in the order they are shown (every kind has a title: see TITLES). */
export const DIAGNOSTIC_KINDS: readonly DiagnosticKind[] = [
  'unknown-code',
  'activity-closed',
  'not-allowed',
  'invalid-track',
  'unknown-token',
  'login-failed',
  'silent-games',
  'busy',
  'other',
];

export type { DiagnosticKind };

/** Which group a refused request belongs to, from what `recordRejection` stored. */
export function classifyRejection(route: string, status: number, message: string): Exclude<DiagnosticKind, 'silent-games' | 'busy'> {
  if (route === 'login' || route === 'logout') return 'login-failed';
  if (route === 'start') {
    if (message === Messages.noCode) return 'unknown-code';
    if (message === Messages.notStarted) return 'activity-closed';
    if (message === Messages.notAuthorizedJoin) return 'not-allowed';
    return 'other';
  }
  if (route === 'xapi') {
    if (status === 403 && message.includes('the activity is closed')) return 'activity-closed';
    if (status === 400 || status === 413) return 'invalid-track';
    return 'other';
  }
  if (message === Messages.token || message === NO_AUTHORIZATION || message === ERASED_SESSION) return 'unknown-token';
  if (route === 'track' && (status === 400 || status === 413)) return 'invalid-track';
  return 'other';
}

export const TITLES: Record<DiagnosticKind, string> = {
  'unknown-code': 'Starts with an unknown tracking code',
  'activity-closed': 'Starts refused: the activity is closed',
  'not-allowed': 'Starts refused: the activity does not accept these players',
  'invalid-track': 'Traces rejected as invalid',
  'unknown-token': 'Traces with an unknown session (authToken)',
  'login-failed': 'Failed student logins',
  'silent-games': 'Games that went silent',
  busy: 'Games asked to wait: Aula was busy',
  other: 'Other refused requests',
};

import { t } from '../../i18n/setup';
import type { DiagnosticGroup, DiagnosticItem } from './types';

/** One line the teacher can act on, per group (and per item where the item says more). */
export function groupFix(group: DiagnosticGroup): string {
  return t(`diagnostics:groupFix.${group.kind}`);
}

export function itemFix(group: DiagnosticGroup, item: DiagnosticItem): string | null {
  if (group.kind === 'unknown-code') return unknownCodeFix(item);
  if (group.kind === 'other' && item.suggestion) {
    const request = item.suggestion;
    return request.includes(' /xapi/') ? t('diagnostics:fix.wrongPathXapi', { request }) : t('diagnostics:fix.wrongPathRage', { request });
  }
  const activity = item.activity && t('diagnostics:fix.activity', { activity: item.activity });
  if ((group.kind === 'activity-closed' || group.kind === 'not-allowed') && activity) return activity;
  const fix = DETAIL_FIXES.find(([kinds, start]) => kinds.includes(group.kind) && item.detail.startsWith(start))?.[2];
  if (group.kind !== 'other') return fix ? t(`diagnostics:fix.${fix}`) : null;
  // A refusal under Other may come from any activity: it is named, as the closed and not-allowed starts are.
  if (!fix) return activity || null;
  return activity ? `${t(`diagnostics:fix.${fix}`)} ${activity}` : t(`diagnostics:fix.${fix}`);
}

/** The wording keys of DETAIL_FIXES (diagnostics:fix.*). */
type DetailFix =
  | 'foreignToken'
  | 'unknownPlayerId'
  | 'anonymousNotString'
  | 'loginEnded'
  | 'notJson'
  | 'https'
  | 'noXapiResource'
  | 'unknownCredentials'
  | 'noCredentials'
  | 'noAuthToken'
  | 'erasedSession'
  | 'notArray'
  | 'noVersion'
  | 'badVersion'
  | 'tooLarge';

/**
 * What to do about the refusals the games' developers meet first, by the group and the start of the message the game
 * was told (the RAGE texts say "A2" and not what to change). The messages are the collector's catalogue (contract §11)
 * and the xAPI resource's: matched in English, as the game was told them, whatever the dashboard's language.
 */
const DETAIL_FIXES: [kinds: DiagnosticGroup['kind'][], start: string, fix: DetailFix][] = [
  [['other'], "Authorization header found but the expected format is 'Bearer JSON Web Token'", 'foreignToken'],
  [['other'], 'No anonymous player found with id', 'unknownPlayerId'],
  [['other'], 'The anonymous field must be a string', 'anonymousNotString'],
  [['other'], "Token doesn't exist", 'loginEnded'],
  [['other', 'invalid-track'], 'Request body is not valid JSON', 'notJson'],
  [['other'], 'A game connected with https://', 'https'],
  [['other'], 'No xAPI resource at', 'noXapiResource'],
  [['other'], 'Unknown or revoked xAPI credentials', 'unknownCredentials'],
  [['other'], 'Missing HTTP Basic credentials', 'noCredentials'],
  [['unknown-token'], 'No authToken:', 'noAuthToken'],
  // Aula's own note (server/collector/refusals.ts ERASED_SESSION), not what the game was told.
  [['unknown-token'], "Traces of a session whose player's data was erased", 'erasedSession'],
  [['invalid-track'], 'Statements must be an array!', 'notArray'],
  [['invalid-track'], 'Missing X-Experience-API-Version header', 'noVersion'],
  [['invalid-track'], 'Unsupported X-Experience-API-Version', 'badVersion'],
  [['invalid-track'], 'Request body is too large', 'tooLarge'],
];

/**
 * The closest existing code; and when the code tried is that code with a space, a line break or quotes around it
 * (copied from a document or a chat), so that both look the same on the screen, what differs.
 */
function unknownCodeFix(item: DiagnosticItem): string {
  if (!item.suggestion) return t('diagnostics:fix.noCloseCode');
  const wrapped = item.detail !== item.suggestion && item.detail.replace(/[\s"'`]/g, '') === item.suggestion;
  return t(wrapped ? 'diagnostics:fix.didTheyMeanWrapped' : 'diagnostics:fix.didTheyMean', { code: item.suggestion });
}

import type { Session } from '../api/types';
import { formatScore } from '../format/progress';
import { objectLabel } from '../format/verbs';
import { t } from '../i18n/setup';

type ResultFields = Pick<Session, 'completion' | 'success' | 'score' | 'resultObject' | 'resultObjectType' | 'resultOfGame'>;

/**
 * The session's outcome. Until the game reports its own, success and score are a level's (or a question's): they are
 * named with it (`level "level1": failed`), so a failed level does not read as a failed game.
 */
export function ResultCell({ session }: { session: ResultFields }) {
  const { completion, success, score } = session;
  const parts: string[] = [];
  if (completion !== null) parts.push(completion ? t('vocabulary:sessionResult.completed') : t('vocabulary:sessionResult.notCompleted'));
  if (success !== null) parts.push(success ? t('vocabulary:sessionResult.success') : t('vocabulary:sessionResult.failed'));
  if (score !== null) parts.push(t('vocabulary:sessionResult.score', { score: formatScore(score) }));
  if (parts.length === 0) return <span className="muted">—</span>;
  const ofPart = !session.resultOfGame && session.resultObject !== null && (success !== null || score !== null);
  const text = parts.join(' · ');
  return (
    <span className={success === false ? 'result result-failed' : 'result'}>
      {ofPart ? t('vocabulary:sessionResult.ofObject', { object: objectLabel(session.resultObject, session.resultObjectType), result: text }) : text}
    </span>
  );
}

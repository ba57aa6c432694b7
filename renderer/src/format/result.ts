import { t } from '../i18n/setup';
import { formatPercent, formatScore, progressFraction } from './progress';

const PROGRESS = 'https://w3id.org/xapi/seriousgames/extensions/progress';

interface StatementResult {
  success?: unknown;
  score?: { scaled?: unknown; raw?: unknown; max?: unknown };
  extensions?: Record<string, unknown>;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * What a statement's result says, in a few words beside its action: `✗ failure`, `✓ success · score 0.9`, `50%`. Empty
 * when it has no result a teacher reads (a response is already part of the action).
 */
export function resultSummary(statement: unknown): string {
  const result = (statement as { result?: StatementResult } | null)?.result;
  if (!result || typeof result !== 'object') return '';
  const parts: string[] = [];
  if (result.success === true) parts.push(t('vocabulary:statementResult.success'));
  else if (result.success === false) parts.push(t('vocabulary:statementResult.failure'));
  const score = result.score;
  // The statement's own score as sent: scaled, else raw (out of its max when it has one: "score 7/10").
  if (isNumber(score?.scaled)) parts.push(t('vocabulary:statementResult.score', { score: formatScore(score.scaled) }));
  else if (isNumber(score?.raw)) {
    parts.push(
      isNumber(score.max)
        ? t('vocabulary:statementResult.scoreOutOf', { score: formatScore(score.raw), max: formatScore(score.max) })
        : t('vocabulary:statementResult.score', { score: formatScore(score.raw) }),
    );
  }
  const progress = result.extensions?.[PROGRESS];
  const fraction = isNumber(progress) ? progressFraction(progress) : null;
  if (fraction !== null) parts.push(formatPercent(fraction));
  return parts.join(' · ');
}

import type { Session } from '../api/types';
import { currentLanguage } from '../i18n/setup';
import { pickLanguage } from './object-names';
import { playerLabel } from './player-name';
import { progressFraction } from './progress';
import { describeAction } from './verbs';

export type SortKey = 'player' | 'number' | 'started' | 'lastSeen' | 'statements' | 'lastAction' | 'progress' | 'result';

/** Built once per language: a collator is costly to make, and Live sorts on every tick. */
const collators = new Map<string, Intl.Collator>();

/**
 * Numbers inside names in their numeric order, as a teacher reads them: level2 before level10; in the dashboard's
 * language (in Spanish "ñ" is a letter of its own after "n", where English reads it as an "n").
 */
function naturalOrder(): Intl.Collator {
  const language = currentLanguage();
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
    collators.set(language, collator);
  }
  return collator;
}

/**
 * How a session's result went, lowest first: failed, then not completed, then the rest; by score within each.
 * Null when the game sent no result at all.
 */
function resultRank(session: Session): [number, number] | null {
  if (session.completion === null && session.success === null && session.score === null) return null;
  const tier = session.success === false ? 0 : session.completion === false ? 1 : 2;
  return [tier, session.score ?? Number.NEGATIVE_INFINITY];
}

/**
 * `completed level "level1"`, as Live's Last action column reads, with the name an xAPI game gave the object when it
 * gave one (`answered question "Question 1"`); null before the game has sent anything.
 */
export function lastActionOf(session: Pick<Session, 'lastVerb' | 'lastObject' | 'lastObjectType' | 'lastObjectName'>): string | null {
  return session.lastVerb
    ? describeAction(session.lastVerb, session.lastObject, session.lastObjectType, null, pickLanguage(session.lastObjectName))
    : null;
}

/** The session's value in a column that some sessions have no value in (they sort last, either way). */
function optional(session: Session, key: 'lastAction' | 'result'): string | [number, number] | null {
  if (key === 'result') return resultRank(session);
  return lastActionOf(session);
}

function compareValues(a: string | [number, number], b: string | [number, number]): number {
  if (typeof a === 'string' || typeof b === 'string') return naturalOrder().compare(String(a), String(b));
  return a[0] - b[0] || a[1] - b[1];
}

function compare(a: Session, b: Session, key: Exclude<SortKey, 'lastAction' | 'result'>): number {
  switch (key) {
    case 'player':
      return playerLabel(a.player).localeCompare(playerLabel(b.player));
    case 'number':
      return a.number - b.number;
    case 'started':
      return a.started.localeCompare(b.started);
    case 'lastSeen':
      // By how long each has been silent when the server says it: after the laptop's clock was set back, a game silent
      // since before sorted as heard from last (docs/clock.md).
      if (a.silentMs !== undefined && b.silentMs !== undefined) return b.silentMs - a.silentMs;
      return a.lastSeen.localeCompare(b.lastSeen);
    case 'statements':
      return a.statements - b.statements;
    case 'progress':
      return (progressFraction(a.progress, a.completion) ?? -1) - (progressFraction(b.progress, b.completion) ?? -1);
  }
}

/**
 * Live's order for a column. Last action sorts by what it says (alike actions together, `level2` before `level10`);
 * result ascending puts failed sessions first, then not completed ones, each by score. Sessions with no action or no
 * result yet go last in both directions.
 */
export function compareSessions(a: Session, b: Session, key: SortKey, descending: boolean): number {
  const direction = descending ? -1 : 1;
  if (key !== 'lastAction' && key !== 'result') return compare(a, b, key) * direction;
  const left = optional(a, key);
  const right = optional(b, key);
  if (left === null || right === null) return (left === null ? 1 : 0) - (right === null ? 1 : 0);
  return compareValues(left, right) * direction;
}

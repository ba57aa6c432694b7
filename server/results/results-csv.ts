import type { ActivityResults } from '../admin/api-types.js';
import { csvLine } from '../export/csv-cells.js';

export const RESULTS_CSV_COLUMNS = [
  'player',
  'kind',
  'name',
  'sessions',
  'minutes_played',
  'progress',
  'finished',
  'completed',
  'correct',
  'incorrect',
  'best_score',
  'last_score',
] as const;

/** One line per student (cells that look like formulas are escaped by csvLine). */
export function resultsCsv(results: ActivityResults): string {
  const lines = [csvLine(RESULTS_CSV_COLUMNS)];
  for (const s of results.students) {
    lines.push(
      csvLine([
        s.player.username ?? s.player.animalName,
        s.player.kind,
        s.player.displayName ?? '',
        s.sessions,
        Math.round(s.secondsPlayed / 6) / 10,
        s.progress,
        s.finished,
        s.completed,
        s.correct,
        s.incorrect,
        s.bestScore,
        s.lastScore,
      ]),
    );
  }
  return lines.join('');
}

import { csvLine } from '../export/csv-cells.js';
import type { ActivityResultsWithPublicIds } from './read-results.js';

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
  // Last, so that scripts reading the columns before stay right: the statements export's player_id, to join the two.
  'player_id',
] as const;

/**
 * One line per student (cells that look like formulas are escaped by csvLine). It starts with a byte-order mark, as
 * the statements CSV export does: without it, Excel on Windows reads UTF-8 names such as "García" as Latin-1.
 */
export function resultsCsv(results: ActivityResultsWithPublicIds): string {
  const lines = [`\uFEFF${csvLine(RESULTS_CSV_COLUMNS)}`];
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
        // Not the internal row id: the export's player_id is the playerId or username, and the two must join.
        s.publicId,
      ]),
    );
  }
  return lines.join('');
}

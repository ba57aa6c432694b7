import type { PlayerRef } from '../admin/api-types.js';
import { csvLine } from '../export/csv-cells.js';
import type { ActivityResultsWithPublicIds, StudentResultWithPublicId } from './read-results.js';

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
  // After player_id, which README promised ends the file: a 1A student who played with 1B's code (their classes;
  // "no class" for an account in none), empty for the class's own, anonymous and not-started players.
  'other_class',
] as const;

/**
 * minutes_played … last_score (the columns between sessions and player_id) of a student who has not played: empty,
 * not zeros, so a spreadsheet's averages of them stay those of the students who played.
 */
const NO_FIGURES = Array.from({ length: RESULTS_CSV_COLUMNS.indexOf('player_id') - RESULTS_CSV_COLUMNS.indexOf('sessions') - 1 }, () => null);

/**
 * One line per student (cells that look like formulas are escaped by csvLine), then one per student of the class who
 * has not played yet: 0 sessions, the other figures empty. No column is added for them: scripts read player_id where
 * README promised it (other_class, after it, came later). It starts with a byte-order mark, as the statements CSV export does: without it, Excel on Windows reads UTF-8 names such
 * as "García" as Latin-1.
 */
export function resultsCsv(results: ActivityResultsWithPublicIds): string {
  const lines = [`\uFEFF${csvLine(RESULTS_CSV_COLUMNS)}`];
  for (const s of results.students) {
    lines.push(
      csvLine([
        playerCell(s.player),
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
        otherClassCell(s.fromOtherClass),
      ]),
    );
  }
  for (const student of results.notStarted) {
    // Identified, as they will be once they log in; player_id is the username, as the export will name them.
    lines.push(csvLine([student.username, 'identified', student.name ?? '', 0, ...NO_FIGURES, student.username, '']));
  }
  return lines.join('');
}

/**
 * The player as the dashboard names them (the renderer's playerLabel): a student by username (their roster name is the
 * `name` column), an anonymous player by animal name, a player an xAPI game identified by the name it sent (else its
 * e-mail address or account name). That player's animal name is shown nowhere on screen, and it was this cell.
 */
const playerCell = (player: PlayerRef): string =>
  player.xapi ? (player.displayName ?? player.animalName) : (player.username ?? player.animalName);

const otherClassCell = (other: StudentResultWithPublicId['fromOtherClass']): string =>
  other === null ? '' : other.classes.length === 0 ? 'no class' : other.classes.join('; ');

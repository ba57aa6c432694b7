import os from 'node:os';
import type { Command } from 'commander';
import { ErasureError, type ErasureReport, previewErasure } from '../erasure/erase-player.js';
import { checkpointAfterErasure, erasureJob } from '../erasure/run-erasure.js';
import { isoNow } from '../util/time.js';
import { counted } from './counted.js';
import { type DataDirOption, withDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';
import { registerPlayerAccessCommand } from './player-access-command.js';

interface EraseOptions extends DataDirOption {
  activity?: string;
  yes?: boolean;
  by?: string;
  json?: boolean;
}

function counts(c: { statements: number; sessions: number; results: number; alerts: number; refusedRequests: number }): string {
  // Refused requests only when there are some: most players have none, and the line stays the one scripts know.
  const refused = c.refusedRequests > 0 ? `, ${counted(c.refusedRequests, 'refused request')}` : '';
  return `${counted(c.statements, 'statement')}, ${counted(c.sessions, 'session')}, ${counted(c.results, 'result')}, ${counted(c.alerts, 'alert')}${refused}`;
}

/** Nothing but the player record left (erased activity by activity before an erasure took the record too). */
const recordOnly = (c: { statements: number; sessions: number; gameplays: number; results: number; alerts: number; refusedRequests: number }): boolean =>
  c.statements + c.sessions + c.gameplays + c.results + c.alerts + c.refusedRequests === 0;

/** Where, and whether the player record would go with it (in one activity: when it holds the last of their data). */
function wouldGoToo(preview: { playerRemoved: boolean }, activity: string | undefined): string {
  if (!activity) return ', and the player itself';
  return preview.playerRemoved ? ' in that activity, and the player itself (that is the last of their data)' : ' in that activity';
}

/** What went, in one line: the player record is named when it went too (erasing in one activity: with the last of their data). */
function erasedLine(report: ErasureReport): string {
  if (recordOnly(report)) return 'Erased the player record: no other data of theirs was left.';
  if (!report.playerRemoved) return `Erased ${counts(report)}.`;
  return `Erased ${counts(report)}, and the player${report.scope === 'activity' ? ' (that was the last of their data)' : ''}.`;
}

export function registerPlayerCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const players = program.command('player').description("a player's data");
  registerPlayerAccessCommand(players, withDataDir);

  withDataDir(players.command('erase'))
    .argument('<playerId>', "the playerId: an anonymous player id, a student username, or an xAPI player's e-mail address or account name")
    .description("erase a player's statements, sessions, results and alerts (cannot be undone)")
    .option('--activity <code>', 'only in this activity (tracking code); default: everywhere, and the player itself')
    .option('--yes', 'really erase (without it, only shows what would be erased)')
    .option('--by <name>', 'who asks for the erasure, for the erasure log (default: this computer user)')
    .option('--json', 'print the result as JSON')
    .action((playerId: string, options: EraseOptions) => {
      const target = { player: playerId, activity: options.activity };
      withDatabase(options, (db) => {
        try {
          if (!options.yes) {
            const preview = previewErasure(db, target);
            if (options.json) printJson({ erased: false, ...preview });
            else if (!options.activity && recordOnly(preview)) printLines(`Would erase the record of this ${preview.playerKind} player: no other data of theirs is left.`);
            else printLines(`Would erase ${counts(preview)} of this ${preview.playerKind} player${wouldGoToo(preview, options.activity)}.`);
            throw new CliError('Nothing erased. Run again with --yes to erase; this cannot be undone.');
          }
          const by = options.by ?? `command line (${os.userInfo().username})`;
          const report = db.transaction(erasureJob(target, by, isoNow())).immediate(db);
          checkpointAfterErasure(db);
          const { sessionIds: _s, activityIds: _a, ...summary } = report;
          if (options.json) return printJson({ erased: true, ...summary });
          printLines(
            erasedLine(report),
            ...(report.uploaded > 0 ? [`${report.uploaded} of these statements had already been uploaded to an LRS: ask its administrator to erase them there too.`] : []),
            'Open dashboards show the change within about a second. Backups made before now still hold the data: aula backup list names them, aula backup delete NAME deletes one.',
          );
        } catch (error) {
          if (error instanceof ErasureError) throw new CliError(error.message);
          throw error;
        }
      });
    });
}

import os from 'node:os';
import type { Command } from 'commander';
import { ErasureError, previewErasure } from '../erasure/erase-player.js';
import { checkpointAfterErasure, erasureJob } from '../erasure/run-erasure.js';
import { isoNow } from '../util/time.js';
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
  const refused = c.refusedRequests > 0 ? `, ${c.refusedRequests} refused requests` : '';
  return `${c.statements} statements, ${c.sessions} sessions, ${c.results} results, ${c.alerts} alerts${refused}`;
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
            else printLines(`Would erase ${counts(preview)} of this ${preview.playerKind} player${options.activity ? ' in that activity' : ', and the player itself'}.`);
            throw new CliError('Nothing erased. Run again with --yes to erase; this cannot be undone.');
          }
          const by = options.by ?? `command line (${os.userInfo().username})`;
          const report = db.transaction(erasureJob(target, by, isoNow())).immediate(db);
          checkpointAfterErasure(db);
          const { sessionIds: _s, activityIds: _a, ...summary } = report;
          if (options.json) return printJson({ erased: true, ...summary });
          printLines(
            `Erased ${counts(report)}${report.playerRemoved ? ', and the player' : ''}.`,
            ...(report.uploaded > 0 ? [`${report.uploaded} of these statements had already been uploaded to an LRS: ask its administrator to erase them there too.`] : []),
            'A running dashboard shows the change at its next refresh. Backups made before now still hold the data: aula backup list names them, aula backup delete NAME deletes one.',
          );
        } catch (error) {
          if (error instanceof ErasureError) throw new CliError(error.message);
          throw error;
        }
      });
    });
}

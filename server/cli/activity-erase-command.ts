import os from 'node:os';
import type { Command } from 'commander';
import { backupsNote } from '../erasure/backups-note.js';
import { type ActivityErasureCounts, ActivityErasureError, previewActivityErasure } from '../erasure/erase-activity.js';
import { activityErasureJob, checkpointAfterErasure } from '../erasure/run-erasure.js';
import { counted } from './counted.js';
import { type DataDirOption, resolveDataDir, withDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

interface EraseOptions extends DataDirOption {
  yes?: boolean;
  by?: string;
  json?: boolean;
}

function describe(c: ActivityErasureCounts): string[] {
  return [
    `  ${counted(c.sessions, 'session')}, ${counted(c.statements, 'statement')}`,
    `  ${counted(c.players, 'player')} (${c.playersRemoved} of them ${c.playersRemoved === 1 ? 'has' : 'have'} no data elsewhere: their player records go too; students' login accounts stay)`,
    `  ${counted(c.results, 'result')}, ${counted(c.alerts, 'alert')}, ${counted(c.refusedRequests, 'refused-request sample')}, ${counted(c.uploadStates, 'upload state')}`,
  ];
}

/** `aula activity erase CODE`: every trace games left in one activity (the end of a study); the activity stays, closed. */
export function registerActivityErase(activity: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(activity.command('erase'))
    .argument('<code>', 'tracking code')
    .description("erase every game's data in an activity: sessions, statements, results, alerts (cannot be undone); the activity stays, closed and empty")
    .option('--yes', 'really erase (without it, only shows what would be erased)')
    .option('--by <name>', 'who asks for the erasure, for the erasure log (default: this computer user)')
    .option('--json', 'print the result as JSON')
    .action((code: string, options: EraseOptions) => {
      const backups = backupsNote(resolveDataDir(options));
      withDatabase(options, (db) => {
        try {
          if (!options.yes) {
            const preview = previewActivityErasure(db, code);
            if (preview.sessions === 0 && preview.statements === 0 && preview.players === 0) {
              if (options.json) printJson({ erased: false, ...preview, backups });
              throw new CliError(`Nothing to erase: no game has left data in ${preview.name} (${preview.trackingCode}).`);
            }
            if (options.json) printJson({ erased: false, ...preview, backups });
            else {
              printLines(
                `Would erase from activity ${preview.name} (${preview.trackingCode}):`,
                ...describe(preview),
                `The activity itself stays${preview.open ? ', closed,' : ''} with its name, class and rules; delete it afterwards with aula activity delete ${preview.trackingCode}.`,
                backups.message,
              );
            }
            throw new CliError('Nothing erased. Run again with --yes to erase; this cannot be undone.');
          }
          const by = options.by ?? `command line (${os.userInfo().username})`;
          const report = db.transaction(activityErasureJob(code, by, Date.now())).immediate(db);
          checkpointAfterErasure(db);
          const { sessionIds: _sessions, ...summary } = report;
          if (options.json) return printJson({ erased: true, ...summary, backups });
          printLines(
            `Erased from activity ${report.name} (${report.trackingCode}):`,
            ...describe(report),
            ...(report.uploaded > 0 ? [`${report.uploaded} of these statements had already been uploaded to an LRS: ask its administrator to erase them there too.`] : []),
            `The activity is ${report.closed ? 'now ' : ''}closed and empty; delete it with aula activity delete ${report.trackingCode} if it is no longer needed.`,
            ...(report.xapiRevoked > 0 ? [`Its xAPI key no longer works; to collect again: aula activity open ${report.trackingCode} and aula activity xapi-regenerate ${report.trackingCode}.`] : []),
            'Open dashboards show the change within about a second.',
            backups.message,
          );
        } catch (error) {
          if (error instanceof ActivityErasureError) throw new CliError(error.message);
          throw error;
        }
      });
    });
}

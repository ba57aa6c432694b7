import type { Command } from 'commander';
import { readStats } from '../store/stats-repo.js';
import { type DataDirOption, withDatabase } from './open-data.js';
import { printJson, printLines } from './output.js';

export function registerStatsCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('stats'))
    .description('count statements, sessions and players')
    .option('--json', 'print one JSON object')
    .action((options: DataDirOption & { json?: boolean }) => {
      const stats = withDatabase(options, readStats);
      if (options.json) return printJson(stats);
      printLines(
        `statements: ${stats.statements}`,
        `sessions:   ${stats.sessions}`,
        `players:    ${stats.players.anonymous} anonymous, ${stats.players.identified} identified${stats.players.xapi ? ` (${stats.players.xapi} of them by an xAPI game)` : ''}`,
        ...(stats.activities.length ? ['', 'per activity (code  statements  sessions  players  name):'] : []),
        ...stats.activities.map(
          (a) => `  ${a.trackingCode}  ${String(a.statements).padStart(10)}  ${String(a.sessions).padStart(8)}  ${String(a.players).padStart(7)}  ${a.name}`,
        ),
      );
    });
}

import type { Command } from 'commander';
import { backupDatabase } from '../store/backups.js';
import { RestoreRefusedError, type RestoreResult, restoreDatabase } from '../store/restore-database.js';
import { closeDatabase, type DataDirOption, openData, resolveDataDir } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

export function registerBackupCommands(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('backup'))
    .argument('<file>', 'where to write the copy, e.g. aula-2026-11-26.sqlite')
    .description('copy the database safely, also while aula serve runs (a consistent SQLite snapshot)')
    .option('--json', 'print one JSON object')
    .action((file: string, options: DataDirOption & { json?: boolean }) => {
      // A mistyped folder is refused, not backed up as a new empty database.
      const { db } = openData(options);
      try {
        let result: ReturnType<typeof backupDatabase>;
        try {
          result = backupDatabase(db, file);
        } catch (error) {
          throw new CliError((error as Error).message);
        }
        if (options.json) printJson(result);
        else printLines(`Backup written: ${result.file} (${Math.round(result.bytes / 1024)} KiB)`);
      } finally {
        closeDatabase(db);
      }
    });

  withDataDir(program.command('restore'))
    .argument('<backup>', 'a backup file made by aula backup or kept in the data folder\'s backups/')
    .description('replace the database with a backup (stop aula serve and the desktop app first)')
    .option('--json', 'print one JSON object')
    .action((backup: string, options: DataDirOption & { json?: boolean }) => {
      let result: RestoreResult;
      try {
        result = restoreDatabase(resolveDataDir(options), backup);
      } catch (error) {
        if (error instanceof RestoreRefusedError) throw new CliError(error.message);
        throw error;
      }
      if (options.json) printJson(result);
      else {
        if (result.keptAside) printLines(`The previous database was kept as ${result.keptAside}`);
        printLines(`Restored ${result.restored} into ${result.dataDir}.`);
      }
    });
}

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { backupDatabase, checkBackupFile } from '../store/backups.js';
import { databaseFile, openDatabase } from '../store/open-database.js';
import { closeDatabase, type DataDirOption, resolveDataDir } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

export function registerBackupCommands(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('backup'))
    .argument('<file>', 'where to write the copy, e.g. aula-2026-11-26.sqlite')
    .description('copy the database safely, also while aula serve runs (a consistent SQLite snapshot)')
    .option('--json', 'print one JSON object')
    .action((file: string, options: DataDirOption & { json?: boolean }) => {
      const db = openDatabase(resolveDataDir(options));
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
    .action((backup: string, options: DataDirOption) => {
      const dataDir = resolveDataDir(options);
      const source = path.resolve(backup);
      if (!fs.existsSync(source)) throw new CliError(`No backup file at ${source}`);
      const problem = checkBackupFile(source);
      if (problem) throw new CliError(`${source} is damaged too (${problem}); choose another backup`);
      const target = databaseFile(dataDir);
      if (fs.existsSync(target)) {
        const aside = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(target, aside);
        for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
        printLines(`The previous database was kept as ${aside}`);
      }
      fs.copyFileSync(source, target);
      printLines(`Restored ${source} into ${dataDir}.`);
    });
}

import fs from 'node:fs';
import type { Command } from 'commander';
import { listBackups } from '../admin/backup-list.js';
import { type ReappliedErasures, reapplyErasures } from '../erasure/reapply-erasures.js';
import { BackupDeleteError, backupFile, deleteBackup } from '../store/backup-delete.js';
import { backupDatabase } from '../store/backups.js';
import { RestoreRefusedError, type RestoreResult, restoreDatabase } from '../store/restore-database.js';
import { formatByteSize } from '../util/byte-size.js';
import { isoNow } from '../util/time.js';
import { closeDatabase, type DataDirOption, openData, resolveDataDir } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

export function registerBackupCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const backup = withDataDir(program.command('backup'));
  backup
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
        else printLines(`Backup written: ${result.file} (${size(result.bytes)})`);
      } finally {
        closeDatabase(db);
      }
    });

  registerKeptBackupCommands(backup, withDataDir);

  withDataDir(program.command('restore'))
    .argument('<backup>', 'a backup file made by aula backup or kept in the data folder\'s backups/')
    .description('replace the database with a backup (stop aula serve and the desktop app first)')
    .option('--json', 'print one JSON object')
    .action((backup: string, options: DataDirOption & { json?: boolean }) => {
      let result: RestoreResult;
      try {
        const dataDir = resolveDataDir(options);
        result = restoreDatabase(dataDir, keptBackupNamed(dataDir, backup));
      } catch (error) {
        if (error instanceof RestoreRefusedError) throw new CliError(error.message);
        throw error;
      }
      // A backup made before an erasure brought the erased data back: what the replaced database erased goes again.
      const erasures = result.keptAside ? reapplyErasures(result.dataDir, result.keptAside, isoNow()) : null;
      if (options.json) printJson(erasures ? { ...result, erasures } : result);
      else {
        if (result.keptAside) printLines(`The previous database was kept as ${result.keptAside}`);
        printLines(`Restored ${result.restored} into ${result.dataDir}.`);
        if (erasures) printLines(...erasureLines(erasures));
      }
    });
}

/**
 * A backup named as `aula backup list` and Settings show it (`aula-….sqlite`) is the one in the data folder's
 * backups/, unless a file of that name is where the command runs: typed as listed, it was looked for in the current
 * folder and refused as missing.
 */
function keptBackupNamed(dataDir: string, backup: string): string {
  if (fs.existsSync(backup)) return backup;
  try {
    return backupFile(dataDir, backup);
  } catch (error) {
    if (error instanceof BackupDeleteError) return backup;
    throw error;
  }
}

/** As Settings shows it: the same backup reads the same size in both. */
const size = formatByteSize;

function heldErasures(count: number | undefined): string {
  if (!count) return '';
  return `, made before ${count} erasure${count === 1 ? '' : 's'}: may still hold erased data`;
}

/**
 * `aula backup list` and `aula backup delete NAME`: the backups Aula keeps in the data folder's backups/, and deleting
 * one (e.g. after an erasure, when a backup made before it is no longer needed). A file named "list" or "delete" is
 * still backed up to with a path: `aula backup ./list`.
 */
function registerKeptBackupCommands(backup: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(backup.command('list'))
    .description("the backups kept in the data folder's backups/, newest first, with the erasures made since each")
    .option('--json', 'print one JSON object')
    .action((_options: unknown, command: Command) => {
      const options = withParentOptions<{ json?: boolean }>(command);
      const { db, dataDir } = openData(options);
      try {
        const list = listBackups(dataDir, db);
        if (options.json) return printJson(list);
        if (list.backups.length === 0) return printLines(`No backup in ${list.folder}.`);
        printLines(
          `Backups in ${list.folder} (newest first):`,
          ...list.backups.map((b) => `  ${b.name}  ${size(b.bytes)}${heldErasures(b.erasuresSince)}`),
        );
      } finally {
        closeDatabase(db);
      }
    });

  withDataDir(backup.command('delete'))
    .argument('<name>', 'the backup, as aula backup list names it (aula-….sqlite, without a folder)')
    .description("delete a backup from the data folder's backups/ (its bytes overwritten first; cannot be undone)")
    .option('--yes', 'really delete (without it, only shows what would be deleted)')
    .option('--json', 'print one JSON object')
    .action(async (name: string, _options: unknown, command: Command) => {
      const options = withParentOptions<{ yes?: boolean; json?: boolean }>(command);
      const { db, dataDir } = openData(options);
      try {
        const found = describeBackup(dataDir, db, name);
        if (!options.yes) {
          if (options.json) printJson({ deleted: false, ...found });
          else printLines(`Would delete ${found.name} (${size(found.bytes)}${heldErasures(found.erasuresSince)}).`);
          throw new CliError('Nothing deleted. Run again with --yes to delete it; this cannot be undone.');
        }
        const deleted = await deleteBackup(dataDir, name).catch(asCliError);
        if (options.json) printJson({ deleted: true, ...deleted });
        else printLines(`Deleted ${deleted.name} (${size(deleted.bytes)}), its bytes overwritten first. Copies of it made elsewhere are not touched.`);
      } finally {
        closeDatabase(db);
      }
    });
}

/**
 * The subcommand's options with those given before or after its name: `aula backup delete NAME --data-dir D` hands
 * --data-dir (and --json) to `aula backup`, which declares them too, so the subcommand alone would not see them.
 */
function withParentOptions<T>(command: Command): DataDirOption & T {
  return command.optsWithGlobals<DataDirOption & T>();
}

function describeBackup(dataDir: string, db: Parameters<typeof listBackups>[1], name: string) {
  try {
    backupFile(dataDir, name);
  } catch (error) {
    asCliError(error);
  }
  const found = listBackups(dataDir, db).backups.find((b) => b.name === name);
  // A file in backups/ that is not a backup list shows (another name pattern) was refused by backupFile already.
  return found ?? { name, bytes: 0, createdAt: '', erasuresSince: 0 };
}

function asCliError(error: unknown): never {
  if (error instanceof BackupDeleteError) throw new CliError(error.message);
  throw error;
}

/** What the restore did about erasures the backup predates; nothing when it predates none. */
function erasureLines(erasures: ReappliedErasures): string[] {
  const lines: string[] = [];
  if (erasures.reapplied > 0) {
    lines.push(
      `The backup was made before ${erasures.reapplied} erasure${erasures.reapplied === 1 ? '' : 's'} of the replaced database: erased again now (see the erasure log).`,
    );
  }
  if (erasures.problem) lines.push(erasures.problem);
  if (erasures.left.length > 0) lines.push(...erasures.left.map((command) => `  ${command}`));
  return lines;
}

import { Command, CommanderError } from 'commander';
import { registerActivityCommands } from './cli/activity-commands.js';
import { registerBackupCommands } from './cli/backup-commands.js';
import { registerClassCommands } from './cli/class-commands.js';
import { registerErasureCommands } from './cli/erasure-commands.js';
import { registerExportCommand } from './cli/export-command.js';
import { registerImportCommand } from './cli/import-command.js';
import { dataFolderProblem } from './cli/open-data.js';
import { CliError } from './cli/output.js';
import { registerPlayerCommands } from './cli/player-commands.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerStatsCommand } from './cli/stats-command.js';
import { registerStudentCommands } from './cli/student-commands.js';
import { registerTeacherKeyCommand } from './cli/teacher-key-command.js';
import { registerUploadCommand } from './cli/upload-command.js';
import { appVersion } from './export/app-version.js';
import { CollectorRunningError } from './store/collector-lock.js';
import {
  DatabaseDamagedError,
  DatabaseTooNewError,
  DatabaseUpgradeBackupError,
  DataFolderAccessError,
  NoDatabaseError,
  NotADataFolderError,
} from './store/open-database.js';

/** Every command takes --data-dir (default: $AULA_DATA_DIR, else the per-user app-data folder). */
function withDataDir(command: Command): Command {
  return command.option('--data-dir <dir>', 'data folder (default: $AULA_DATA_DIR or the app-data folder)');
}

export function buildProgram(): Command {
  const program = new Command('aula')
    .description('Aula: offline classroom collector for game learning analytics')
    // package.json's, not npm_package_version: that is the package of whatever folder npm runs in, and absent when
    // bin/aula.js is run directly, where a fixed fallback went on naming an old version after every update.
    .version(appVersion())
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program, withDataDir);
  registerActivityCommands(program, withDataDir);
  registerStatsCommand(program, withDataDir);
  registerBackupCommands(program, withDataDir);
  registerTeacherKeyCommand(program, withDataDir);
  registerClassCommands(program, withDataDir);
  registerStudentCommands(program, withDataDir);
  registerPlayerCommands(program, withDataDir);
  registerErasureCommands(program, withDataDir);
  registerExportCommand(program, withDataDir);
  registerUploadCommand(program, withDataDir);
  registerImportCommand(program, withDataDir);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    // Commands open their folder through open-data.ts, which says this with where the folder came from; a command
    // that opens the database itself (or the collector, for serve) gets the same advice here.
    if (error instanceof NoDatabaseError || error instanceof NotADataFolderError) {
      process.stderr.write(`aula: ${dataFolderProblem(error)}\n`);
      process.exit(1);
    }
    if (
      error instanceof CliError ||
      error instanceof DatabaseTooNewError || error instanceof DatabaseDamagedError || error instanceof DataFolderAccessError ||
      error instanceof CollectorRunningError ||
      error instanceof DatabaseUpgradeBackupError
    ) {
      process.stderr.write(`aula: ${error.message}\n`);
      process.exit(error instanceof CliError ? error.exitCode : 1);
    }
    throw error;
  }
}

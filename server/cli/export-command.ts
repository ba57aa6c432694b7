import type { Command } from 'commander';
import { resolveHomePage } from '../collector/home-page.js';
import type { ExportReport } from '../export/export-data.js';
import { exportManifest, manifestFileFor, writeExportManifest } from '../export/export-manifest.js';
import { EXPORT_FORMATS, type ExportOptions, exportOptionsSchema, normalizeSettingsFor } from '../export/export-options.js';
import { exportToFile, exportToStream, pseudonymSaltForCli } from '../export/export-to.js';
import { statementWhere, UnknownFilterValueError } from '../export/filters.js';
import { checkExportFile, ExportFileError } from '../export/output-file.js';
import { spreadsheetRowsWarning } from '../export/spreadsheet-rows.js';
import { givenOnce } from './given-once.js';
import { type DataDirOption, resolveDataDir, withDatabaseAsync } from './open-data.js';
import { CliError } from './output.js';
import { progressLine } from './progress-line.js';

interface ExportFlags extends DataDirOption {
  format: string;
  output?: string;
  activity?: string;
  class?: string;
  player?: string;
  session?: string;
  since?: string;
  until?: string;
  pseudonymize?: boolean;
  actors: string;
  asReceived?: boolean;
  force?: boolean;
}

// Filters combine with AND, so two values of one filter could only mean "both": an export takes one of each.
const EACH_TO_ITS_FILE = 'export each to a file of its own, or leave the filter out to export them all';

/** The flag an option's schema path names: `asReceived` is --as-received. */
const flagName = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function parseOptions(flags: ExportFlags): ExportOptions {
  const parsed = exportOptionsSchema.safeParse({
    format: flags.format,
    filters: {
      activity: flags.activity,
      class: flags.class,
      player: flags.player,
      session: flags.session,
      since: flags.since,
      until: flags.until,
    },
    actors: flags.actors,
    pseudonymize: flags.pseudonymize ?? false,
    asReceived: flags.asReceived ?? false,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${flagName(issue.path.at(-1)?.toString() ?? 'option')}: ${issue.message}`);
    throw new CliError(problems.join('; '));
  }
  return parsed.data;
}

function summary(report: ExportReport, where: string): string[] {
  const lines = [`Exported ${report.statements} statement${report.statements === 1 ? '' : 's'} (${report.format}) to ${where}.`];
  if (report.invalid > 0) {
    lines.push(`${report.invalid} statement(s) are still not valid xAPI after normalisation (exported, but an LRS would refuse them):`);
    for (const { id, problem } of report.problems.slice(0, 10)) lines.push(`  ${id}: ${problem}`);
  }
  return lines;
}

export function registerExportCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('export'))
    .description('export statements for analysis: ndjson, json, csv, traces-csv (RAGE traces) or a zip bundle')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'ndjson')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--activity <code>', 'only this activity (tracking code)', givenOnce('--activity', EACH_TO_ITS_FILE))
    .option('--class <name>', 'only the activities of this class', givenOnce('--class', EACH_TO_ITS_FILE))
    .option(
      '--player <playerId>',
      "only this player (a playerId as in the Results CSV's player_id, a student username, or an xAPI player's e-mail address or account name)",
      givenOnce('--player', EACH_TO_ITS_FILE),
    )
    .option('--session <id>', 'only this session (attempt): its id, a whole number', givenOnce('--session', EACH_TO_ITS_FILE))
    .option(
      '--since <time>',
      'stored at or after this ISO 8601 date or time (2026-11-27 is 00:00 UTC; a time needs Z or an offset)',
      givenOnce('--since', 'give the earliest time once'),
    )
    .option('--until <time>', 'stored before this ISO 8601 date or time (as --since)', givenOnce('--until', 'give the latest time once'))
    .option('--pseudonymize', 'replace usernames and playerIds by stable salted hashes (the salt stays on this laptop)')
    .option('--actors <mode>', 'as-sent (RAGE\'s shared "Anonymous") or per-player (each player its own account)', 'per-player')
    .option('--as-received', 'ndjson/json: statements exactly as the games sent them, without the xAPI mapping (not with --pseudonymize)')
    .option('--force', "replace the --output file if it exists (never Aula's database or backups)")
    .action(async (flags: ExportFlags) => {
      // Everything that can be refused is checked before anything is written (the salt included) or exported.
      const options = parseOptions(flags);
      const dataDir = resolveDataDir(flags);
      if (!flags.output && options.format === 'zip' && process.stdout.isTTY) {
        throw new CliError('A zip bundle is binary: give a file with --output, or redirect standard output.');
      }
      const output = flags.output === undefined ? undefined : exportFile(dataDir, flags.output, flags.force ?? false);
      // Beside the file, what it holds and with which filters (a zip bundle carries its own manifest inside).
      const manifestFile = output && options.format !== 'zip' ? exportFile(dataDir, manifestFileFor(output), flags.force ?? false) : undefined;
      // This connection (it may write: the home page, the salt) stays open until the export's own read-only one has
      // closed, so that it is the last to close: SQLite then folds the WAL back into the database and removes the
      // -wal and -shm files, as after every other command. A read-only connection cannot, so closed last it left them.
      await withDatabaseAsync(flags, async (db) => {
        try {
          statementWhere(db, options.filters);
        } catch (error) {
          if (error instanceof UnknownFilterValueError) throw new CliError(error.message);
          throw error;
        }
        const homePage = resolveHomePage(db, process.env.AULA_HOME_PAGE, 3000);
        const salt = pseudonymSaltForCli(db, options.pseudonymize);
        const progress = progressLine('Exporting');
        // Said as the export starts, when the count is known: a researcher who wanted a spreadsheet can stop it there.
        let rowsWarning: string | null = null;
        const onProgress = ({ done, total }: { done: number; total: number }) => {
          if (done === 0 && rowsWarning === null) {
            rowsWarning = spreadsheetRowsWarning(options.format, total);
            if (rowsWarning) process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[K' : ''}${rowsWarning}\n`);
          }
          progress.update(done, total);
        };
        // Standard output redirected to a file on a full disk, or piped into a program that stopped reading: an
        // 'error' event nobody listened to ended the export with a stack trace. Kept, it stops the export and is said.
        let stdoutError: Error | undefined;
        const onStdoutError = (error: Error) => {
          stdoutError ??= error;
        };
        if (!output) process.stdout.on('error', onStdoutError);
        try {
          const report = output
            ? await exportToFile(dataDir, homePage, options, output, salt, onProgress, { overwrite: flags.force ?? false })
            : await exportToStream(dataDir, homePage, options, process.stdout, salt, onProgress);
          if (!output) await stdoutWritten();
          if (stdoutError) throw stdoutError;
          progress.end();
          process.stderr.write(`${summary(report, flags.output ?? 'standard output').join('\n')}\n`);
          // The statements are not all Aula holds about a player: an access request needs the rest too.
          if (flags.player) process.stderr.write(`For an access request: aula player access ${JSON.stringify(flags.player)} gives everything Aula holds about the player, not only statements.\n`);
          // Again after the summary, the last thing read before opening the file.
          const afterWarning = spreadsheetRowsWarning(options.format, report.statements);
          if (afterWarning) process.stderr.write(`${afterWarning}\n`);
          if (output && manifestFile) {
            try {
              writeExportManifest(output, exportManifest(db, output, options, normalizeSettingsFor(db, homePage, options, salt), report));
            } catch (error) {
              throw new CliError(`The export is complete, but its manifest could not be written to ${manifestFile}: ${(error as Error).message}`);
            }
            process.stderr.write(`Its filters, options, counts and columns: ${manifestFile}\n`);
          }
        } catch (error) {
          progress.end();
          if (error instanceof UnknownFilterValueError || error instanceof ExportFileError) throw new CliError(error.message);
          if (output && isFileSystemError(error)) throw new CliError(`Could not write ${output}: ${error.message}`);
          if (!output && stdoutError) throw new CliError(stdoutProblem(stdoutError));
          throw error;
        }
      });
    });
}

function exportFile(dataDir: string, file: string, force: boolean): string {
  try {
    return checkExportFile(dataDir, file, force);
  } catch (error) {
    if (error instanceof ExportFileError) throw new CliError(error.message);
    throw error;
  }
}

/** Node's errors from the file system (ENOSPC, EACCES, EIO…) carry their code. */
function isFileSystemError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Resolves once standard output has taken everything written to it (or failed: its error is then kept). */
function stdoutWritten(): Promise<void> {
  return new Promise((resolve) => process.stdout.write('', () => resolve()));
}

function stdoutProblem(error: Error): string {
  const code = (error as Error & { code?: unknown }).code;
  if (code === 'EPIPE') return 'The export stopped: the program reading its output closed it before the end.';
  return `Could not write standard output: ${error.message}. The export is incomplete.`;
}

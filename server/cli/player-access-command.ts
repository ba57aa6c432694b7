import fs from 'node:fs';
import type { Command } from 'commander';
import { type AccessReportSummary, AccessRequestError, writeAccessReport } from '../export/access-report.js';
import { checkExportFile, ExportFileError } from '../export/output-file.js';
import { counted } from './counted.js';
import { type DataDirOption, resolveDataDir, withDatabaseAsync } from './open-data.js';
import { CliError, printJson } from './output.js';

interface AccessOptions extends DataDirOption {
  output?: string;
  force?: boolean;
  json?: boolean;
}

function summaryLine(summary: AccessReportSummary, where: string): string {
  const who = [summary.player && `player ${summary.player}`, summary.student && `student ${summary.student}`].filter(Boolean).join(', ');
  return (
    `Everything Aula holds about ${who}: ${counted(summary.sessions, 'session')}, ${counted(summary.statements, 'statement')}, ` +
    (summary.attachments > 0 ? `${counted(summary.attachments, 'attached file')}, ` : '') +
    `${counted(summary.results, 'result')}, ${counted(summary.alerts, 'alert')}, ${counted(summary.refusedRequests, 'refused request')}, ` +
    `the roster record if any (never the password hash), written to ${where}. Backups made before (aula backup list) and exports already ` +
    'handed over are not in it.'
  );
}

/** `aula player access PLAYER`: the answer to a subject access request, in one JSON file (access-report.ts). */
export function registerPlayerAccessCommand(players: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(players.command('access'))
    .argument('<playerId>', "the playerId: an anonymous player id, a student username, or an xAPI player's e-mail address or account name")
    .description(
      'everything Aula holds about one player or student, for an access request: player and roster record, sessions, results, answers, alerts, refused requests, uploads, every statement and the files xAPI games attached to them, in one JSON file',
    )
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--force', "replace the --output file if it exists (never Aula's database or backups)")
    .option('--json', 'print the summary as one JSON object (with --output)')
    .action(async (playerId: string, options: AccessOptions) => {
      const dataDir = resolveDataDir(options);
      const output = options.output === undefined ? undefined : outputFile(dataDir, options.output, options.force ?? false);
      await withDatabaseAsync(options, async (db) => {
        const partial = output && `${output}.partial`;
        const stream = partial ? fs.createWriteStream(partial, { mode: 0o600 }) : process.stdout;
        // Piped into a program that stopped reading (| head), standard output's 'error' event, heard by nobody, ended
        // the command with a stack trace. Kept, it stops the report and is said, as aula export does.
        let stdoutError: Error | undefined;
        const write = (text: string) =>
          new Promise<void>((resolve, reject) => {
            stream.write(text, (error) => {
              if (!error) return resolve();
              if (!partial) stdoutError ??= error;
              reject(error);
            });
          });
        const onStdoutError = (error: Error) => {
          stdoutError ??= error;
        };
        if (!partial) process.stdout.on('error', onStdoutError);
        let summary: AccessReportSummary;
        try {
          summary = await writeAccessReport(db, playerId, write);
          if (stdoutError) throw stdoutError;
          if (partial && output) {
            await new Promise<void>((resolve, reject) => (stream as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
            fs.renameSync(partial, output);
          }
        } catch (error) {
          if (partial) {
            (stream as fs.WriteStream).destroy();
            fs.rmSync(partial, { force: true });
          }
          if (error instanceof AccessRequestError) throw new CliError(error.message);
          if (output) throw new CliError(`Could not write ${output}: ${(error as Error).message}`);
          if (stdoutError) throw new CliError(stdoutProblem(stdoutError));
          throw error;
        } finally {
          process.stdout.off('error', onStdoutError);
        }
        if (options.json && output) printJson({ file: output, ...summary });
        else process.stderr.write(`${summaryLine(summary, output ?? 'standard output')}\n`);
      });
    });
}

function stdoutProblem(error: Error): string {
  const code = (error as Error & { code?: unknown }).code;
  if (code === 'EPIPE') return 'The access report stopped: the program reading its output closed it before the end. Write it to a file with -o FILE.';
  return `Could not write standard output: ${error.message}. The access report is incomplete; write it to a file with -o FILE.`;
}

function outputFile(dataDir: string, file: string, force: boolean): string {
  try {
    return checkExportFile(dataDir, file, force);
  } catch (error) {
    if (error instanceof ExportFileError) throw new CliError(error.message);
    throw error;
  }
}

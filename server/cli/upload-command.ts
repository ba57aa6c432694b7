import type { Command } from 'commander';
import { resolveHomePage } from '../collector/home-page.js';
import { normalizeSettingsFor } from '../export/export-options.js';
import { pseudonymSaltForCli } from '../export/export-to.js';
import { statementWhere, UnknownFilterValueError } from '../export/filters.js';
import { LrsClient, redirectAdvice } from '../upload/lrs-client.js';
import { CLI_WORDING, credentialsInEndpoint, LrsEndpointError, lrsTargetFrom } from '../upload/lrs-endpoint.js';
import { UploadChoiceError } from '../upload/upload-choice.js';
import { claimUploadLock, type UploadLock, UploadRunningError } from '../upload/upload-lock.js';
import { type UploadRetry, UploadStoppedError, type UploadSummary, uploadStatements } from '../upload/uploader.js';
import { givenOnce } from './given-once.js';
import { closeDatabase, type DataDirOption, openData } from './open-data.js';
import { CliError } from './output.js';
import { passwordOf } from './password-input.js';
import { progressLine } from './progress-line.js';

interface UploadFlags extends DataDirOption {
  endpoint: string;
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  activity?: string;
  batch: string;
  pseudonymize?: boolean;
}

/** Nothing is lost while it waits, and Ctrl+C is safe: a researcher who sees no progress for a minute should know. */
function describeRetry({ problem, attempt, attempts, waitMs }: UploadRetry): string {
  const wait = waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 1000)} s`;
  return `aula: ${problem}; trying again in ${wait} (attempt ${attempt} of ${attempts}). Ctrl+C stops; running the upload again resumes.`;
}

function describeSummary(summary: UploadSummary): string[] {
  const lines = [
    `Sent ${summary.sent}, already there ${summary.alreadyThere}, conflicts ${summary.conflicts}, rejected ${summary.rejected}.`,
    `For this LRS: ${summary.totals.sent} sent, ${summary.totals.conflict} conflicts, ${summary.totals.rejected} rejected, ${summary.totals.pending} pending.`,
  ];
  for (const problem of summary.problems.slice(0, 10)) lines.push(`  ${problem.state} ${problem.id}: ${problem.message}`);
  return lines;
}

/**
 * The LRS's endpoint, key and secret: from the flags, or from a `KEY:SECRET@` typed into the endpoint (taken out of
 * it, so that it is neither stored nor shown); the secret from standard input is read only when the URL has none.
 */
async function targetOf(flags: UploadFlags) {
  try {
    const inUrl = credentialsInEndpoint(flags.endpoint);
    // Said together: asked for the secret alone, a researcher who gave only --endpoint was asked for the key next.
    const noKey = !flags.username && inUrl.username === '';
    if (noKey && flags.password === undefined && !flags.passwordStdin && inUrl.password === '') {
      throw new CliError(
        `The LRS key and secret are needed: --username KEY and ${CLI_WORDING.secret}, as the LRS gave them (or KEY:SECRET@ in the endpoint URL).`,
      );
    }
    const secretInUrlOnly = inUrl.password !== '' && flags.password === undefined && !flags.passwordStdin;
    const password = secretInUrlOnly ? undefined : await passwordOf(flags, 'The LRS secret', 'SECRET');
    const target = lrsTargetFrom({ endpoint: flags.endpoint, username: flags.username, password }, CLI_WORDING);
    if (inUrl.password !== '') {
      process.stderr.write(
        `aula: the key and secret in the endpoint URL are used as --username and --password and never stored; uploading to ${target.endpoint}\n`,
      );
    }
    return target;
  } catch (error) {
    if (error instanceof LrsEndpointError) throw new CliError(error.message);
    throw error;
  }
}

export function registerUploadCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('upload'))
    .description('upload statements to a central LRS; resumable, never sends a statement twice')
    .requiredOption('--endpoint <url>', 'xAPI endpoint of the LRS, e.g. https://lrs.example.org/xAPI')
    .option('--username <key>', 'LRS key (Basic auth user); needed unless the endpoint carries KEY:SECRET@, which is used the same way and never stored')
    .option('--password <secret>', 'LRS secret (Basic auth password)')
    .option('--password-stdin', 'read the LRS secret from standard input instead (it stays out of the shell history and the process list)')
    .option(
      '--activity <code>',
      'only this activity (tracking code)',
      givenOnce('--activity', 'upload each activity in turn, or leave --activity out to upload them all'),
    )
    .option('--batch <n>', 'statements per request, at most 100', '100')
    .option(
      '--pseudonymize',
      'replace usernames and playerIds by stable salted hashes (the salt stays on this laptop); make the same choice every time for one LRS',
    )
    .action(async (flags: UploadFlags) => {
      const batchSize = Number(flags.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100) throw new CliError('--batch must be 1 to 100');
      if (!/^https?:\/\//.test(flags.endpoint)) throw new CliError('--endpoint must be an http(s) URL');
      const target = await targetOf(flags);
      const { db } = openData(flags);
      let lock: UploadLock;
      try {
        // Before anything else: a second upload from this folder is refused at once, before it reads anything.
        lock = claimUploadLock(db);
      } catch (error) {
        closeDatabase(db);
        if (error instanceof UploadRunningError) throw new CliError(`Nothing sent. ${error.message}`);
        throw error;
      }
      const progress = progressLine('Uploading');
      try {
        // A mistyped --activity is said before the LRS is asked: offline, "Cannot reach …" hid it.
        if (flags.activity) statementWhere(db, { activity: flags.activity });
        const about = await new LrsClient(target).about().catch((error: Error) => {
          throw new CliError(`Cannot reach ${target.endpoint}/about: ${error.cause instanceof Error ? error.cause.message : error.message}`);
        });
        const redirect = redirectAdvice(target.endpoint, about);
        if (redirect) throw new CliError(`Nothing sent. ${redirect}`);
        if (about.status !== 200) throw new CliError(`${target.endpoint}/about answered ${about.status}: is this an xAPI endpoint?`);
        const homePage = resolveHomePage(db, process.env.AULA_HOME_PAGE, 3000);
        const summary = await uploadStatements(db, {
          target,
          filters: flags.activity ? { activity: flags.activity } : {},
          batchSize,
          settings: normalizeSettingsFor(
            db,
            homePage,
            { actors: 'per-player', pseudonymize: flags.pseudonymize ?? false },
            pseudonymSaltForCli(db, flags.pseudonymize ?? false),
          ),
          write: async (job) => db.transaction(job).immediate(db),
          onProgress: ({ done, total }) => progress.update(done, total),
          // On a terminal the progress line is overwritten in place: the note clears it and takes a line of its own.
          onRetry: (retry) => process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[K' : ''}${describeRetry(retry)}\n`),
          lock,
        });
        progress.end();
        process.stderr.write(`${describeSummary(summary).join('\n')}\n`);
        if (summary.conflicts > 0 || summary.rejected > 0) process.exitCode = 2;
      } catch (error) {
        progress.end();
        if (error instanceof UploadStoppedError || error instanceof UnknownFilterValueError || error instanceof UploadChoiceError) {
          throw new CliError(error.message);
        }
        throw error;
      } finally {
        lock.release();
        closeDatabase(db);
      }
    });
}

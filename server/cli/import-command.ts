import fs from 'node:fs';
import type { Command } from 'commander';
import { importBundle } from '../import/import-bundle.js';
import { ImportDiskFullError, ImportRefusedError } from '../import/import-errors.js';
import { describeReport } from '../import/import-report.js';
import { closeData, type DataDirOption, openData, whyNothingWasSetUp } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';
import { progressLine } from './progress-line.js';

export function registerImportCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('import'))
    .description('merge a zip bundle exported by another Aula (aula export --format zip); importing it twice changes nothing')
    .argument('<file>', 'the bundle (.zip)')
    .option('--json', 'print the report as one JSON object')
    .action(async (file: string, flags: DataDirOption & { json?: boolean }) => {
      if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
      // Its own connection, one short IMMEDIATE transaction per chunk: WAL and busy_timeout let it run beside `aula serve`.
      // A researcher receiving another laptop's bundle on a new laptop imports first: it sets the data folder up.
      const opened = openData(flags, 'set-up');
      const { db } = opened;
      const verifying = progressLine('Verifying');
      const importing = progressLine('Importing');
      let outcome: 'done' | 'failed' = 'failed';
      try {
        const report = await importBundle(file, {
          write: async (job) => db.transaction(job).immediate(db),
          onProgress: ({ phase, done, total }) => (phase === 'verifying' ? verifying : importing).update(done, total),
        });
        importing.end();
        if (flags.json) printJson(report);
        else printLines(`Imported ${file} (made by Aula ${report.bundle.appVersion} on ${report.bundle.created}):`, ...describeReport(report));
        if (Object.values(report.conflicts).some((n) => n > 0)) process.exitCode = 2;
        outcome = 'done';
      } catch (error) {
        importing.end();
        if (error instanceof ImportRefusedError) throw whyNothingWasSetUp(opened, new CliError(`${file} was not imported: ${error.message}`));
        if (error instanceof ImportDiskFullError) {
          // On a new laptop the half-made data folder is removed (closeData): nothing is kept there to complete.
          if (opened.createdNow) throw whyNothingWasSetUp(opened, new CliError(`${file} was not imported: the disk is full. Free some space and import it again.`));
          throw new CliError(`${file}: ${error.message}`);
        }
        throw error;
      } finally {
        closeData(opened, outcome);
      }
    });
}

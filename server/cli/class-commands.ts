import type { Command } from 'commander';
import { ClassExistsError, type ClassInfo, createClass, listClasses } from '../store/classes-repo.js';
import { type DataDirOption, withDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

function describe(item: ClassInfo): string {
  return `${item.name}  (students: ${item.students}, activities: ${item.activities})`;
}

export function registerClassCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const classes = program.command('class').description('create and list classes (groups of students who log in)');

  withDataDir(classes.command('create'))
    .description('create a class; then add students with "aula student add" or "aula student import"')
    .requiredOption('--name <name>', 'class name, e.g. "3B"')
    .option('--json', 'print one JSON object')
    .action((options: DataDirOption & { name: string; json?: boolean }) => {
      const name = options.name.trim();
      if (name === '') throw new CliError('--name must not be empty');
      const created = withDatabase(options, (db) => {
        try {
          return createClass(db, name);
        } catch (error) {
          if (error instanceof ClassExistsError) throw new CliError(`${error.message}. See: aula class list`);
          throw error;
        }
      });
      if (options.json) return printJson(created);
      printLines(
        `Created class ${created.name}`,
        `  add students:   aula student add USERNAME --password PASSWORD --class "${created.name}"`,
        `  or a roster:    aula student import students.csv --class "${created.name}"`,
        `  class activity: aula activity create --name NAME --class "${created.name}" --no-anonymous`,
      );
    });

  withDataDir(classes.command('list'))
    .description('list classes with their numbers of students and activities')
    .option('--json', 'print one JSON array')
    .action((options: DataDirOption & { json?: boolean }) => {
      const all = withDatabase(options, listClasses);
      if (options.json) return printJson(all);
      if (all.length === 0) return printLines('No classes yet. Create one: aula class create --name "3B"');
      printLines(...all.map(describe));
    });
}

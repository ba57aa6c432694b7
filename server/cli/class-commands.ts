import type { Command } from 'commander';
import {
  ClassExistsError,
  type ClassInfo,
  ClassInUseError,
  createClass,
  deleteClass,
  findClassByName,
  linkedActivities,
  listClasses,
  renameClass,
} from '../store/classes-repo.js';
import type { Db } from '../store/open-database.js';
import { type DataDirOption, withDatabase } from './open-data.js';
import { CliError, printJson, printLines } from './output.js';

// Students alone, as Live counts a class's students; assistants and teachers said apart, only when the class has some.
function describe(item: ClassInfo): string {
  const others = [item.assistants > 0 ? `, assistants: ${item.assistants}` : '', item.teachers > 0 ? `, teachers: ${item.teachers}` : ''].join('');
  return `${item.name}  (students: ${item.students}${others}, activities: ${item.activities})`;
}

/** "5 students, 1 teacher", the same counts as describe() in words. */
function memberWords(item: ClassInfo): string {
  return [plural(item.students, 'student'), item.assistants > 0 ? plural(item.assistants, 'assistant') : '', item.teachers > 0 ? plural(item.teachers, 'teacher') : '']
    .filter(Boolean)
    .join(', ');
}

export function registerClassCommands(program: Command, withDataDir: (command: Command) => Command): void {
  const classes = program.command('class').description('create, list, rename and delete classes (groups of students who log in)');

  withDataDir(classes.command('create'))
    .description('create a class; then add students with "aula student add" or "aula student import"')
    .requiredOption('--name <name>', 'class name, e.g. "3B"')
    .option('--json', 'print one JSON object')
    .action((options: DataDirOption & { name: string; json?: boolean }) => {
      const name = options.name.trim();
      if (name === '') throw new CliError('--name must not be empty');
      const created = withDatabase(
        options,
        (db) => {
          try {
            return createClass(db, name);
          } catch (error) {
            if (error instanceof ClassExistsError) throw new CliError(`${error.message}. See: aula class list`);
            throw error;
          }
        },
        'set-up',
      );
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

  // The server's open dashboard hears nothing of these (another process): it shows them on its next reload.
  withDataDir(classes.command('rename'))
    .argument('<name>', 'the class to rename')
    .description('rename a class; its students and its activities stay with it')
    .requiredOption('--to <new>', 'the new name')
    .option('--json', 'print the class as JSON')
    .action((name: string, options: DataDirOption & { to: string; json?: boolean }) => {
      const newName = options.to.trim();
      if (newName === '') throw new CliError('--to must not be empty');
      const { before, renamed } = withDatabase(options, (db) => {
        const found = requireClass(db, name);
        try {
          return { before: found.name, renamed: renameClass(db, found.id, newName) ?? found };
        } catch (error) {
          if (error instanceof ClassExistsError) throw new CliError(`${error.message} (names are compared without regard to case). See: aula class list`);
          throw error;
        }
      });
      if (options.json) return printJson(renamed);
      printLines(`Renamed class ${before} to ${renamed.name}. Its ${memberWords(renamed)} and ${plural(renamed.activities, 'activity', 'activities')} stay with it.`);
    });

  withDataDir(classes.command('delete'))
    .argument('<name>', 'the class to delete')
    .description('delete a class and its memberships; the student accounts and their data stay. Refused while activities are linked to it')
    .option('--yes', 'really delete (without it, only shows what would happen)')
    .option('--json', 'print the result as JSON')
    .action((name: string, options: DataDirOption & { yes?: boolean; json?: boolean }) => {
      withDatabase(options, (db) => {
        const found = requireClass(db, name);
        const activities = linkedActivities(db, found.id);
        if (activities.length > 0) {
          if (options.json) printJson({ deleted: false, class: found, activities });
          inUseAsCliError(() => {
            throw new ClassInUseError(found.name, activities);
          });
        }
        const effect = `its ${plural(found.members, 'membership')} (the student accounts stay, with everything they played, and in any other class)`;
        if (!options.yes) {
          if (options.json) printJson({ deleted: false, class: found });
          else printLines(`Would delete class ${found.name} and ${effect}.`);
          throw new CliError('Nothing deleted. Run again with --yes to delete the class.');
        }
        // One transaction: the check and the delete see the same rows, even while `aula serve` writes.
        const deleted = inUseAsCliError(() => db.transaction(() => deleteClass(db, found.id)).immediate());
        if (!deleted) throw new CliError(`No class named "${name.trim()}" (any more). See: aula class list`);
        if (options.json) return printJson({ deleted: true, class: deleted });
        printLines(`Deleted class ${deleted.name} and ${effect}.`);
      });
    });
}

function requireClass(db: Db, name: string): ClassInfo {
  const found = findClassByName(db, name);
  if (!found) throw new CliError(`No class named "${name.trim()}". See: aula class list`);
  return found;
}

/** An activity linked between the preview and the delete is refused the same way. */
function inUseAsCliError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ClassInUseError) throw new CliError(`${error.message}. See: aula activity list`);
    throw error;
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

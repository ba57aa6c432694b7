import type { Command } from 'commander';
import { newTeacherKey, TEACHER_KEY_SETTING } from '../auth/teacher-key.js';
import { getOrCreateSetting, setSetting } from '../store/settings-repo.js';
import { type DataDirOption, withDatabase } from './open-data.js';
import { printJson, printLines } from './output.js';

/**
 * The teacher key from a terminal, for a headless `aula serve`: a tablet opens http://<laptop>:3000/teacher and
 * enters it. The server reads the key from the database on every check, so a regenerated key applies at once.
 */
export function registerTeacherKeyCommand(program: Command, withDataDir: (command: Command) => Command): void {
  withDataDir(program.command('teacher-key'))
    .description('print the teacher key that opens the dashboard from another device (or --regenerate it)')
    .option('--regenerate', 'replace it: the old key and every device signed in with it stop working')
    .option('--json', 'print one JSON object')
    .action((options: DataDirOption & { regenerate?: boolean; json?: boolean }) => {
      const key = withDatabase(options, (db) => {
        if (!options.regenerate) return getOrCreateSetting(db, TEACHER_KEY_SETTING, newTeacherKey);
        const fresh = newTeacherKey();
        setSetting(db, TEACHER_KEY_SETTING, fresh);
        return fresh;
      });
      if (options.json) return printJson({ teacherKey: key, regenerated: Boolean(options.regenerate) });
      printLines(
        key,
        '',
        "On another device open Aula's address followed by /teacher (aula serve prints the address, e.g. http://192.168.1.20:3000/teacher) and enter this key to reach the dashboard.",
        ...(options.regenerate ? ['The previous key and the devices signed in with it no longer work.'] : []),
      );
    });
}

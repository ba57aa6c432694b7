import { wording } from '../i18n/wording.js';
import { parseStoredRules, ruleSettingsSchema } from '../rules/rule-settings.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { BundleRows } from './bundle-rows.js';
import { addNote, type ImportReport } from './import-report.js';

type ActivityRow = BundleRows['activities'][number];

/**
 * The bundle's rules for an activity, as this Aula stores them (JSON of the checked settings), or null when the
 * bundle has none. Rules this version cannot read are reported and left out; the activity itself still comes in.
 */
export function bundleRules(row: ActivityRow, report: ImportReport): string | null {
  if (row.rules === undefined || row.rules === null) return null;
  const parsed = ruleSettingsSchema.safeParse(row.rules);
  if (parsed.success) return JSON.stringify(parsed.data);
  const issue = parsed.error.issues[0];
  addNote(report, {
    kind: 'activities',
    id: row.id,
    type: 'skipped',
    message: wording('importNote.rulesUnreadable', { name: row.name, detail: `${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}` }),
  });
  return null;
}

/**
 * An activity that is already here keeps the rules a teacher set here; it takes the bundle's only when it has
 * none (never set). Returns whether it changed. Importing the same bundle again changes nothing: the rules are then
 * here, and equal.
 */
export function mergeRules(db: Db, row: ActivityRow, rules: string | null, report: ImportReport): boolean {
  if (rules === null) return false;
  const local = (prepared(db, 'SELECT rules FROM activities WHERE id = ?').get(row.id) as { rules: string | null } | undefined)?.rules ?? null;
  if (local === null) {
    prepared(db, 'UPDATE activities SET rules = ? WHERE id = ?').run(rules, row.id);
    addNote(report, { kind: 'activities', id: row.id, type: 'rules', message: wording('importNote.rulesTaken', { name: row.name }) });
    report.changed = true;
    return true;
  }
  if (JSON.stringify(parseStoredRules(local)) !== rules) {
    addNote(report, { kind: 'activities', id: row.id, type: 'rules', message: wording('importNote.rulesKept', { name: row.name }) });
  }
  return false;
}

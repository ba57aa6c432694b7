import { readObjectDefinitionNames, textInLanguage } from '../results/object-definition-names.js';
import type { Db } from '../store/open-database.js';

/**
 * The laptop's language, as its operating system gives it to Node (LANG, the Windows or macOS setting): an alert's
 * message is written once, when it is raised, before any browser asks for it, and the dashboard that shows it runs on
 * this laptop as a rule.
 */
const LAPTOP_LANGUAGES = [Intl.DateTimeFormat().resolvedOptions().locale];

/**
 * The name an alert's message gives an object: as its xAPI game named it (`definition.name`, in the laptop's language,
 * else English, else the first), null when no game did (the message keeps the last part of its id). The same look-up
 * as Results' and Live's names (the object's latest named statement among its latest few, the one that raised the
 * alert by then), made only when an alert is raised: a few a lesson, never per statement.
 */
export function alertObjectName(db: Db, activityId: string, objectId: string): string | null {
  return textInLanguage(readObjectDefinitionNames(db, activityId, [objectId]).get(objectId), LAPTOP_LANGUAGES);
}

import type { vocabulary } from '../i18n/en/vocabulary';
import { t } from '../i18n/setup';

// Readable actions from the xAPI serious-games vocabulary (shared/contract/real-clients.md §7.1): a teacher reads
// `completed level "level1"` ("completó el nivel «level1»"), not two IRIs. Unknown IRIs fall back to their last
// segment, as sent: a game's own words are not translated.

type VerbKey = keyof typeof vocabulary.verbs;
type TypeKey = keyof typeof vocabulary.types;

const ADL = 'http://adlnet.gov/expapi/verbs/';
const SG = 'https://w3id.org/xapi/seriousgames/verbs/';

const VERBS: Record<string, VerbKey> = {
  [`${ADL}initialized`]: 'started',
  [`${ADL}progressed`]: 'progressedIn',
  [`${ADL}completed`]: 'completed',
  [`${ADL}interacted`]: 'interactedWith',
  [`${SG}accessed`]: 'accessed',
  [`${SG}unlocked`]: 'unlocked',
  [`${SG}used`]: 'used',
  'http://id.tincanapi.com/verb/skipped': 'skipped',
  'http://id.tincanapi.com/verb/initialized': 'started',
  'https://w3id.org/xapi/adb/verbs/selected': 'selected',
  'https://w3id.org/xapi/adb/verbs/initialized': 'started',
};

/**
 * Other ADL verbs xAPI games send, worded in the dashboard's language; in English their label is the IRI's last word,
 * as it read before. Not offered by the Verb filter, which lists the serious-games vocabulary above.
 */
const OTHER_VERBS: Record<string, VerbKey> = {
  [`${ADL}answered`]: 'answered',
  [`${ADL}attempted`]: 'attempted',
  [`${ADL}experienced`]: 'experienced',
  [`${ADL}passed`]: 'passed',
  [`${ADL}failed`]: 'failed',
};

const verbWord = (key: VerbKey, language?: string): string => t(`vocabulary:verbs.${key}`, { lng: language });

/**
 * The verbs games send, for filters: [IRI, label] in the dashboard's language, each label once (the first IRI of
 * the three that read "started"). A function: the teacher may change language after this module is loaded.
 */
export function knownVerbs(language?: string): Array<[string, string]> {
  return Object.entries(VERBS)
    .filter(([, key], index, all) => all.findIndex(([, other]) => other === key) === index)
    .map(([iri, key]) => [iri, verbWord(key, language)]);
}

/** The verbs' English labels, as before the dashboard spoke other languages; screens use knownVerbs(). */
export const KNOWN_VERBS: Array<[string, string]> = knownVerbs('en');

/**
 * js-tracker writes `<objectId>/<typeKey>/<id>`; these keys name the type (real-clients.md §7.3), which the
 * session summary keeps without the statement's definition.
 */
const TYPE_KEYS: Record<string, TypeKey> = {
  game: 'game',
  session: 'session',
  level: 'level',
  quest: 'quest',
  stage: 'stage',
  combat: 'combat',
  storynode: 'storyNode',
  race: 'race',
  completable: 'completable',
  screen: 'screen',
  area: 'area',
  zone: 'zone',
  cutscene: 'cutscene',
  accessible: 'accessible',
  question: 'question',
  menu: 'menu',
  dialog: 'dialog',
  path: 'path',
  arena: 'arena',
  alternative: 'alternative',
  enemy: 'enemy',
  npc: 'npc',
  item: 'item',
  gameobject: 'gameObject',
};

/** Activity-type IRI segments that read differently from their spelling. */
const TYPE_SEGMENTS: Record<string, TypeKey> = {
  'serious-game': 'game',
  'story-node': 'storyNode',
  'dialog-tree': 'dialog',
  'non-player-character': 'npc',
  'game-object': 'gameObject',
  // ADL's own type for a question (what xAPI games and SCORM-style content send), not a word a teacher knows.
  'cmi.interaction': 'question',
};

/** The last non-empty segment of an IRI (after `/` or `#`), or the whole string when it has none. */
export function lastSegment(value: string): string {
  const parts = value.split(/[/#]/).filter((part) => part !== '');
  return decode(parts.at(-1) ?? value);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function verbLabel(verbId: string | null | undefined): string {
  if (!verbId) return t('vocabulary:didSomething');
  const key = VERBS[verbId] ?? OTHER_VERBS[verbId];
  return key ? verbWord(key) : lastSegment(verbId);
}

/** A type the vocabulary knows (its key), else the IRI's last segment as sent, read with spaces for dashes. */
type ObjectType = { key: TypeKey } | { sent: string };

function typeOf(objectType: string | null | undefined): ObjectType | null {
  if (!objectType) return null;
  const segment = lastSegment(objectType);
  const key = TYPE_SEGMENTS[segment] ?? TYPE_KEYS[segment];
  return key ? { key } : { sent: segment.replace(/-/g, ' ') };
}

/** What the object reads as: its type (if known) and its name, or nothing to name it by. */
function objectOf(objectId: string | null | undefined, objectType?: string | null, name?: string | null): { type: ObjectType | null; name: string } | null {
  if (!objectId) return name ? { type: null, name } : null;
  const parts = objectId
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((part) => part !== '');
  const id = name || decode(parts.at(-1) ?? objectId);
  const keyed = parts.length >= 2 ? TYPE_KEYS[parts.at(-2) as string] : undefined;
  return { type: typeOf(objectType) ?? (keyed ? { key: keyed } : null), name: id };
}

/** `level "level1"` alone, or after a verb, where Spanish says "el nivel «level1»". */
function wordObject(object: ReturnType<typeof objectOf>, form: 'name' | 'inAction'): string {
  if (!object) return t('vocabulary:object.something');
  const { type, name } = object;
  if (!type) return t('vocabulary:object.untyped', { name });
  const typeWord = 'key' in type ? t(`vocabulary:types.${type.key}.${form}`) : type.sent;
  return t('vocabulary:object.typed', { type: typeWord, name });
}

/**
 * `level "level1"`: the type from the statement's definition, else from the js-tracker id layout; the name the game
 * gave the object (an xAPI game's `definition.name`, `question "Question 1"`), else the id's last segment.
 */
export function objectLabel(objectId: string | null | undefined, objectType?: string | null, name?: string | null): string {
  return wordObject(objectOf(objectId, objectType, name), 'name');
}

/** `completed level "level1"`; with a chosen option: `selected "optionB" in question "question1"`. */
export function describeAction(
  verbId: string | null | undefined,
  objectId: string | null | undefined,
  objectType?: string | null,
  response?: string | null,
  name?: string | null,
): string {
  const verb = verbLabel(verbId);
  const object = wordObject(objectOf(objectId, objectType, name), 'inAction');
  if (response) return t('vocabulary:action.withResponse', { verb, response, object });
  return t('vocabulary:action.plain', { verb, object });
}

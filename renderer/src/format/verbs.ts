// Readable actions from the xAPI serious-games vocabulary (shared/contract/real-clients.md §7.1): a teacher reads
// `completed level "level1"`, not two IRIs. Unknown IRIs fall back to their last segment.

const ADL = 'http://adlnet.gov/expapi/verbs/';
const SG = 'https://w3id.org/xapi/seriousgames/verbs/';

const VERBS: Record<string, string> = {
  [`${ADL}initialized`]: 'started',
  [`${ADL}progressed`]: 'progressed in',
  [`${ADL}completed`]: 'completed',
  [`${ADL}interacted`]: 'interacted with',
  [`${SG}accessed`]: 'accessed',
  [`${SG}unlocked`]: 'unlocked',
  [`${SG}used`]: 'used',
  'http://id.tincanapi.com/verb/skipped': 'skipped',
  'http://id.tincanapi.com/verb/initialized': 'started',
  'https://w3id.org/xapi/adb/verbs/selected': 'selected',
  'https://w3id.org/xapi/adb/verbs/initialized': 'started',
};

/** The verbs games send, for filters: [IRI, label]. */
export const KNOWN_VERBS: Array<[string, string]> = Object.entries(VERBS).filter(
  ([, label], index, all) => all.findIndex(([, other]) => other === label) === index,
);

/**
 * js-tracker writes `<objectId>/<typeKey>/<id>`; these keys name the type (real-clients.md §7.3), which the
 * session summary keeps without the statement's definition.
 */
const TYPE_KEYS: Record<string, string> = {
  game: 'game',
  session: 'session',
  level: 'level',
  quest: 'quest',
  stage: 'stage',
  combat: 'combat',
  storynode: 'story node',
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
  npc: 'NPC',
  item: 'item',
  gameobject: 'game object',
};

/** Activity-type IRI segments that read differently from their spelling. */
const TYPE_SEGMENTS: Record<string, string> = {
  'serious-game': 'game',
  'story-node': 'story node',
  'dialog-tree': 'dialog',
  'non-player-character': 'NPC',
  'game-object': 'game object',
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
  if (!verbId) return 'did something';
  return VERBS[verbId] ?? lastSegment(verbId);
}

function typeLabel(objectType: string | null | undefined): string | null {
  if (!objectType) return null;
  const segment = lastSegment(objectType);
  return TYPE_SEGMENTS[segment] ?? TYPE_KEYS[segment] ?? segment.replace(/-/g, ' ');
}

/**
 * `level "level1"`: the type from the statement's definition, else from the js-tracker id layout; the name the game
 * gave the object (an xAPI game's `definition.name`, `question "Question 1"`), else the id's last segment.
 */
export function objectLabel(objectId: string | null | undefined, objectType?: string | null, name?: string | null): string {
  if (!objectId) return name ? `"${name}"` : 'something';
  const parts = objectId
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((part) => part !== '');
  const id = name || decode(parts.at(-1) ?? objectId);
  const keyed = parts.length >= 2 ? TYPE_KEYS[parts.at(-2) as string] : undefined;
  const type = typeLabel(objectType) ?? keyed ?? null;
  return type ? `${type} "${id}"` : `"${id}"`;
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
  const object = objectLabel(objectId, objectType, name);
  if (response) return `${verb} "${response}" in ${object}`;
  return `${verb} ${object}`;
}

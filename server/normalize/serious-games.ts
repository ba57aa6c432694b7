/**
 * Activity-type keys of the xAPI serious-games profile (real-clients.md §7.1) and the lowercase keys js-tracker
 * uses in object ids (§7.3), so that a bare `area` (js-tracker 0.9.2's misspelt key) becomes the profile's IRI.
 */
const PROFILE = 'https://w3id.org/xapi/seriousgames/activity-types/';

const PROFILE_KEYS = [
  'serious-game',
  'session',
  'level',
  'quest',
  'stage',
  'combat',
  'story-node',
  'race',
  'completable',
  'screen',
  'area',
  'zone',
  'cutscene',
  'accessible',
  'menu',
  'dialog-tree',
  'path',
  'arena',
  'alternative',
  'enemy',
  'non-player-character',
  'item',
  'game-object',
  'dialog-node',
  'dialog-fragment',
];

const ALIASES: Record<string, string> = {
  game: 'serious-game',
  seriousgame: 'serious-game',
  storynode: 'story-node',
  dialog: 'dialog-tree',
  dialogtree: 'dialog-tree',
  npc: 'non-player-character',
  gameobject: 'game-object',
};

const KNOWN = new Map<string, string>([
  ...PROFILE_KEYS.map((key): [string, string] => [key, PROFILE + key]),
  ...Object.entries(ALIASES).map(([alias, key]): [string, string] => [alias, PROFILE + key]),
  ['question', 'http://adlnet.gov/expapi/activities/question'],
]);

/** The profile IRI for a known key (case-insensitive), else undefined. */
export function seriousGamesType(key: string): string | undefined {
  return KNOWN.get(key.trim().toLowerCase());
}

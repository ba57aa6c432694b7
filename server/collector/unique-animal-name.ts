import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { newAnimalName } from './animal-names.js';

/**
 * Draws past a name already taken; after this many (hundreds of thousands of names, a class takes dozens) it keeps
 * the last draw rather than loop.
 */
const DRAWS = 50;

/**
 * A new player's animal name that no player of the activity (or game version) has yet. Anonymous players are told
 * apart on Live only by it, and a game that does not keep its playerId makes a new player at every start: drawn at
 * random from 600,000 names, an activity's 300 players had one chance in 14 of two alike, which the teacher reads as
 * one student's two sessions. Names are kept forever (C-5.6), so a player who comes from another activity keeps theirs.
 */
export function animalNameNewIn(db: Db, scopeId: string, draw: () => string = newAnimalName): string {
  let name = draw();
  for (let tries = 1; tries < DRAWS && isTakenIn(db, scopeId, name); tries++) name = draw();
  return name;
}

function isTakenIn(db: Db, scopeId: string, name: string): boolean {
  return (
    prepared<[string, string], { taken: number }>(
      db,
      'SELECT 1 AS taken FROM gameplays g JOIN players p ON p.id = g.player_id WHERE g.scope_id = ? AND p.animal_name = ? LIMIT 1',
    ).get(scopeId, name) !== undefined
  );
}

import type { PlayerRef } from '../api/types';

/**
 * Identified students by username (and roster name); a player an xAPI game identified by the name it sent;
 * anonymous players (and xAPI players whose game sent no name) by their animal name.
 */
export function playerLabel(player: PlayerRef): string {
  if (player.xapi) return player.displayName ?? player.animalName;
  if (player.kind === 'identified' && player.username) {
    return player.displayName && player.displayName !== player.username ? `${player.displayName} (${player.username})` : player.username;
  }
  return player.animalName;
}

import type { PlayerRef } from '../api/types';

/** Identified students by username (and roster name); anonymous players by their animal name. */
export function playerLabel(player: PlayerRef): string {
  if (player.kind === 'identified' && player.username) {
    return player.displayName && player.displayName !== player.username ? `${player.displayName} (${player.username})` : player.username;
  }
  return player.animalName;
}

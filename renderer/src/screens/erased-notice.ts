/**
 * What erasing a player everywhere did, said on the Players screen the dashboard then goes to: the player's page is
 * gone with the player, and the outcome (with its word on backups, which the family's answer needs) went with it.
 */
let pending: string | null = null;

export function leaveErasedNotice(text: string): void {
  pending = text;
}

/** The notice left for the next Players screen, if any; forgotten once it has been shown. */
export function pendingErasedNotice(): string | null {
  return pending;
}

export function forgetErasedNotice(): void {
  pending = null;
}

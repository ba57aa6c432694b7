/** How often the tray looks at the network again: a Wi-Fi joined a moment ago shows within this. */
const LOOK_EVERY_MS = 15_000;

/**
 * Calls `changed` whenever the game addresses differ from the last ones seen: the laptop joined the classroom's Wi-Fi
 * after Aula started, or came back from sleep with another address. The tray showed the address of the start (or
 * only 127.0.0.1) all day, and "Copy collector address" copied it. Returns how to stop watching.
 */
export function watchGameAddresses(read: () => string[], changed: () => void, everyMs = LOOK_EVERY_MS): () => void {
  let last = JSON.stringify(read());
  const timer = setInterval(() => {
    const now = JSON.stringify(read());
    if (now === last) return;
    last = now;
    changed();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

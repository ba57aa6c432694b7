/**
 * A file's size as Settings shows it: "408 KB", "12.3 MB", "1.2 GB" (counted in 1024s, as file managers do). The same
 * rule as server/util/byte-size.ts, which `aula backup …` uses (the renderer imports nothing of the server's code):
 * test/api/backup-size-wording.test.ts holds the two to the same answers, so a backup reads the same size in both.
 */
export function formatByteSize(bytes: number): string {
  const kb = 1024;
  if (bytes < kb * kb) return `${Math.max(1, Math.round(bytes / kb))} KB`;
  if (bytes < kb * kb * kb) return `${(bytes / (kb * kb)).toFixed(1)} MB`;
  return `${(bytes / (kb * kb * kb)).toFixed(1)} GB`;
}

/**
 * A file's size as Settings and `aula backup …` both show it: "408 KB", "12.3 MB", "1.2 GB" (counted in 1024s, as file
 * managers do). The dashboard has its twin (renderer/src/format/byte-size.ts), held to the same answers by a test: a backup reads
 * the same size on the dashboard and in the terminal.
 */
export function formatByteSize(bytes: number): string {
  const kb = 1024;
  if (bytes < kb * kb) return `${Math.max(1, Math.round(bytes / kb))} KB`;
  if (bytes < kb * kb * kb) return `${(bytes / (kb * kb)).toFixed(1)} MB`;
  return `${(bytes / (kb * kb * kb)).toFixed(1)} GB`;
}

import fs from 'node:fs';

let cached: string | undefined;

/** Aula's version from package.json (two folders up from server/export, in the source tree and in the build). */
export function appVersion(): string {
  if (cached) return cached;
  try {
    const text = fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    cached = (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}

import { z } from 'zod';
import { BUNDLE_TABLES } from '../export/bundle-tables.js';
import { BUNDLE_FORMAT, STATEMENT_ROWS_FILE, STATEMENTS_FILE } from '../export/zip-bundle.js';
import { wording } from '../i18n/wording.js';
import { isAbsoluteIri } from '../normalize/iri.js';
import { schemaVersion } from '../store/migrations/index.js';
import { ImportRefusedError } from './import-errors.js';

const iri = z.string().refine(isAbsoluteIri, 'not an absolute IRI');
const fileInfo = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/), lines: z.number().int().nonnegative() });

/** What `aula export --format zip` writes as manifest.json (server/export/zip-bundle.ts). Extra keys are ignored. */
export const manifestSchema = z.object({
  format: z.string(),
  app: z.literal('aula'),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  created: z.string(),
  filters: z.record(z.string(), z.unknown()).default({}),
  options: z
    .object({
      pseudonymize: z.boolean().default(false),
      /** The exporting Aula's IRI namespace and (since migration 11) home page: import-origin.ts. */
      namespace: iri.optional(),
      homePage: iri.optional(),
    })
    .loose()
    .default({ pseudonymize: false }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.record(z.string(), fileInfo),
});

export type BundleManifest = z.output<typeof manifestSchema>;

/** Files import reads; each must be listed in the manifest with its hash. */
export const REQUIRED_FILES = [STATEMENTS_FILE, STATEMENT_ROWS_FILE, ...BUNDLE_TABLES.map((table) => `${table}.ndjson`)];

/**
 * Parses manifest.json and refuses what this Aula cannot read: another bundle format, a newer format version, or
 * tables written by a newer schema (their rows could carry meaning this version would silently drop).
 */
export function parseManifest(text: string): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportRefusedError('bundle-invalid', wording('import.manifestNotJson'));
  }
  const format = (json as { format?: unknown } | null)?.format;
  const version = typeof format === 'string' ? /^aula-bundle\/(\d+)$/.exec(format) : null;
  if (!version) throw new ImportRefusedError('not-a-bundle', wording('import.notAulaBundle'));
  const ours = Number(/(\d+)$/.exec(BUNDLE_FORMAT)?.[1]);
  if (Number(version[1]) > ours) {
    throw new ImportRefusedError(
      'bundle-too-new',
      wording('import.newerFormat', { format: String(format), ours: BUNDLE_FORMAT }),
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportRefusedError('bundle-invalid', wording('import.manifestIncomplete', { path: issue?.path.join('.') ?? '', detail: issue?.message ?? 'invalid' }));
  }
  const manifest = parsed.data;
  if (manifest.schemaVersion > schemaVersion) {
    throw new ImportRefusedError(
      'bundle-too-new',
      wording('import.newerSchema', { version: manifest.appVersion, schema: manifest.schemaVersion, ours: schemaVersion }),
    );
  }
  for (const name of REQUIRED_FILES) {
    if (!manifest.files[name]) throw new ImportRefusedError('bundle-invalid', wording('import.notListed', { name }));
  }
  return manifest;
}

/** Lines each file must have according to the manifest's counts (not only its file list). */
export function expectedLines(manifest: BundleManifest, name: string): number | undefined {
  if (name === STATEMENTS_FILE || name === STATEMENT_ROWS_FILE) return manifest.counts.statements;
  const table = name.endsWith('.ndjson') ? name.slice(0, -'.ndjson'.length) : undefined;
  return table === undefined ? undefined : manifest.counts[table];
}

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ATTACHMENTS_FILE } from '../export/zip-bundle.js';
import { wording } from '../i18n/wording.js';
import type { Db } from '../store/open-database.js';
import { storeImportedAttachment } from '../store/xapi-attachments-repo.js';
import { isHeaderValue } from '../xapi/attachment-content-type.js';
import { SHA2_BY_HEX_LENGTH } from '../xapi/request-attachments.js';
import type { BundleManifest } from './bundle-manifest.js';
import type { BundleReader } from './bundle-reader.js';
import { addNote, type ImportReport } from './import-report.js';

const attachmentRow = z.object({
  sha2: z.string().regex(/^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/),
  content_type: z.string().min(1),
  data: z.string(),
  statements: z.array(z.string()),
});

/**
 * The attachment data of a bundle's xAPI statements (zip-bundle.ts ATTACHMENTS_FILE), once its statements are in: each
 * one in a write of its own (one may be megabytes), linked to the imported statements that name it. Data whose hash is
 * not its sha2 is reported and left out, as data a game sent is (request-attachments.ts). A bundle without the file
 * (written before attachments, or with none) imports as it always did.
 */
export async function importAttachments(
  reader: BundleReader,
  manifest: BundleManifest,
  report: ImportReport,
  write: <T>(job: (db: Db) => T) => Promise<T>,
): Promise<void> {
  if (!manifest.files[ATTACHMENTS_FILE]) return;
  let line = 0;
  for await (const value of reader.rows(ATTACHMENTS_FILE)) {
    line++;
    const parsed = attachmentRow.safeParse(value);
    if (!parsed.success) {
      addNote(report, { kind: 'statements', id: `attachment ${line}`, type: 'skipped', message: wording('importNote.attachmentUnreadable') });
      continue;
    }
    const { sha2, content_type: contentType, statements } = parsed.data;
    // It becomes a part's Content-Type line in GET ?attachments=true and in uploads, as a game's part header is checked
    // for (multipart-body.ts): a bundle edited by hand must not carry a line break there either.
    if (!isHeaderValue(contentType)) {
      addNote(report, { kind: 'statements', id: statements[0] ?? `attachment ${line}`, type: 'skipped', message: wording('importNote.attachmentControl', { sha2 }) });
      continue;
    }
    const data = Buffer.from(parsed.data.data, 'base64');
    if (createHash(SHA2_BY_HEX_LENGTH[sha2.length] as string).update(data).digest('hex') !== sha2) {
      addNote(report, { kind: 'statements', id: statements[0] ?? `attachment ${line}`, type: 'skipped', message: wording('importNote.attachmentNoData', { sha2 }) });
      continue;
    }
    await write((db) => storeImportedAttachment(db, { sha2, contentType, data, statements }));
  }
}

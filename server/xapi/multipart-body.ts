import { isHeaderValue } from './attachment-content-type.js';
import { XapiError } from './xapi-headers.js';

const CRLF = Buffer.from('\r\n');

/** One part after the statements of a `multipart/mixed` request: an attachment's raw data. */
export interface AttachmentPart {
  /** X-Experience-API-Hash, lowercased: the sha2 of the attachment it carries. */
  hash: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  /** The first part: the statements, as application/json. */
  statements: Buffer;
  /** That part's Content-Type (its charset, body-charset.ts). */
  statementsType: string;
  attachments: AttachmentPart[];
}

/**
 * A `multipart/mixed` request (xAPI Communication 1.5.2, Data 2.4.11): the statements first, as `application/json`,
 * then one part per attachment sent as raw data, each naming its attachment's sha2 in `X-Experience-API-Hash` and sent
 * with `Content-Transfer-Encoding: binary`. Signed statements come so too (their signature is such a part). Which
 * attachments the parts belong to is checked with the statements (request-attachments.ts).
 */
export function readMultipart(raw: Buffer, contentType: string): MultipartBody {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new XapiError(400, 'A multipart/mixed request needs a boundary parameter');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = raw.indexOf(delimiter);
  if (at < 0) throw new XapiError(400, 'The multipart/mixed body has no part');
  // Only whitespace (a preamble's blank line) may come before the first boundary: anything else is a part without one.
  if (raw.subarray(0, at).toString('latin1').trim() !== '') {
    throw new XapiError(400, 'The multipart/mixed body must start with its boundary');
  }
  const separator = Buffer.concat([CRLF, delimiter]);
  for (;;) {
    const after = at + delimiter.length;
    if (raw.subarray(after, after + 2).toString('latin1') === '--') break;
    const start = raw.indexOf(CRLF, after);
    if (start < 0) throw new XapiError(400, 'The multipart/mixed body ends inside a part');
    const next = raw.indexOf(separator, start);
    if (next < 0) throw new XapiError(400, 'The multipart/mixed body has no closing boundary');
    parts.push(raw.subarray(start + CRLF.length, next));
    at = next + CRLF.length;
  }
  const [first, ...rest] = parts;
  if (!first) throw new XapiError(400, 'The multipart/mixed body has no part');
  const statements = splitPart(first);
  const statementsType = statements ? (headerOf(statements.head, 'content-type') ?? '') : '';
  if (!statements || statementsType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new XapiError(400, 'The first part of a multipart/mixed request must be the statements, as application/json');
  }
  const attachments = rest.map((part, index) => attachmentPart(part, index + 1));
  return { statements: statements.body, statementsType, attachments };
}

function attachmentPart(part: Buffer, index: number): AttachmentPart {
  const split = splitPart(part);
  if (!split) throw new XapiError(400, `Part ${index} of the multipart/mixed body has no blank line after its headers`);
  const hash = headerOf(split.head, 'x-experience-api-hash');
  if (!hash) throw new XapiError(400, `Part ${index} of the multipart/mixed body has no X-Experience-API-Hash header (the sha2 of its attachment)`);
  const encoding = headerOf(split.head, 'content-transfer-encoding');
  if (encoding !== undefined && encoding.toLowerCase() !== 'binary') {
    throw new XapiError(400, `Part ${index} of the multipart/mixed body has Content-Transfer-Encoding ${encoding}: attachments are sent as binary`);
  }
  const contentType = headerOf(split.head, 'content-type');
  if (!contentType) throw new XapiError(400, `Part ${index} of the multipart/mixed body has no Content-Type header`);
  // The head is split at CRLF only: a bare CR or LF stays in the value, and would be a line break where it is given back.
  if (!isHeaderValue(contentType)) {
    throw new XapiError(400, `Part ${index} of the multipart/mixed body has a Content-Type with a control character (a line break), which no header may hold`);
  }
  return { hash: hash.toLowerCase(), contentType, data: split.body };
}

function splitPart(part: Buffer): { head: string; body: Buffer } | undefined {
  // A part with no headers at all starts with its blank line.
  if (part.subarray(0, 2).equals(CRLF)) return { head: '', body: part.subarray(2) };
  const split = part.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  return { head: part.subarray(0, split).toString('latin1'), body: part.subarray(split + 4) };
}

function headerOf(head: string, name: string): string | undefined {
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return undefined;
}

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

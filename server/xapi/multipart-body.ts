import { XapiError } from './xapi-headers.js';

const CRLF = Buffer.from('\r\n');

/**
 * The statements of a `multipart/mixed` request (xAPI Communication 1.5.2, Data 2.4.11): its first part, which must be
 * `application/json`. A request may come so with no attachment data at all, or with attachments that all have a
 * `fileUrl` (the conformance suite sends both, and expects 200). Parts after the first carry attachment data, which
 * this LRS does not store: such a request is refused as a whole (400), as before, rather than stored without them.
 */
export function statementsPart(raw: Buffer, contentType: string): Buffer {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new XapiError(400, 'A multipart/mixed request needs a boundary parameter');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = raw.indexOf(delimiter);
  if (at < 0) throw new XapiError(400, 'The multipart/mixed body has no part');
  for (;;) {
    const after = at + delimiter.length;
    if (raw.subarray(after, after + 2).toString('latin1') === '--') break;
    const start = raw.indexOf(CRLF, after);
    if (start < 0) throw new XapiError(400, 'The multipart/mixed body ends inside a part');
    const next = raw.indexOf(Buffer.concat([CRLF, delimiter]), start);
    if (next < 0) throw new XapiError(400, 'The multipart/mixed body has no closing boundary');
    parts.push(raw.subarray(start + CRLF.length, next));
    at = next + CRLF.length;
  }
  const [first, ...attachments] = parts;
  if (!first) throw new XapiError(400, 'The multipart/mixed body has no part');
  if (attachments.length > 0) {
    throw new XapiError(
      400,
      'Attachment data in multipart/mixed parts is not stored by this LRS: send the statements as application/json, each attachment with a fileUrl',
    );
  }
  const split = first.indexOf('\r\n\r\n');
  const head = split < 0 ? first.toString('latin1') : first.subarray(0, split).toString('latin1');
  const type = /^content-type:\s*([^;\r\n]*)/im.exec(head)?.[1]?.trim().toLowerCase();
  if (split < 0 || type !== 'application/json') {
    throw new XapiError(400, 'The first part of a multipart/mixed request must be the statements, as application/json');
  }
  return first.subarray(split + 4);
}

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

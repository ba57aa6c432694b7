import { createHash } from 'node:crypto';
import type { AttachmentPart } from './multipart-body.js';
import { statementsEqual } from './statement-equality.js';
import { XapiError } from './xapi-headers.js';

type Json = Record<string, unknown>;

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';
const SIGNATURE_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** The SHA-2 functions by the length of their hex digest: the spec names none, and clients use SHA-256 mostly. */
export const SHA2_BY_HEX_LENGTH: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/**
 * The parts of a multipart request, one per sha2, each checked to hold the data its hash names: data is kept once per
 * sha2 for every statement that names it, so a part whose bytes are not what its hash says would be served to others.
 */
export function attachmentsByHash(parts: AttachmentPart[]): Map<string, AttachmentPart> {
  const byHash = new Map<string, AttachmentPart>();
  for (const [index, part] of parts.entries()) {
    const algorithm = SHA2_BY_HEX_LENGTH[part.hash.length];
    if (!algorithm || !/^[0-9a-f]+$/.test(part.hash)) {
      throw new XapiError(400, `Part ${index + 1} of the multipart/mixed body: X-Experience-API-Hash ${part.hash} is not a SHA-2 hash in hex`);
    }
    if (createHash(algorithm).update(part.data).digest('hex') !== part.hash) {
      throw new XapiError(400, `Part ${index + 1} of the multipart/mixed body: its data does not have the hash ${part.hash} it names`);
    }
    if (byHash.has(part.hash)) throw new XapiError(400, `Part ${index + 1} of the multipart/mixed body repeats the data of sha2 ${part.hash}`);
    byHash.set(part.hash, part);
  }
  return byHash;
}

/**
 * Data 2.4.11 and Communication 1.5.2 for a whole, already valid request: every attachment without a `fileUrl` has its
 * part, every part belongs to an attachment of some statement, and signatures (Data 2.6) are well-formed JWS of the
 * statement they sign. Returns, per statement, the sha2s whose data this request carries.
 */
export function matchAttachments(statements: Json[], parts: Map<string, AttachmentPart>): string[][] {
  const used = new Set<string>();
  const carried = statements.map((statement, index) => {
    const own: string[] = [];
    for (const [position, attachment] of attachmentsOf(statement).entries()) {
      const sha2 = String(attachment.sha2).toLowerCase();
      const part = parts.get(sha2);
      if (!part && typeof attachment.fileUrl !== 'string') {
        throw new XapiError(
          400,
          `Statement ${index} is invalid: /attachments/${position} has no fileUrl, and the request has no multipart/mixed part with X-Experience-API-Hash ${sha2}`,
        );
      }
      if (attachment.usageType === SIGNATURE_USAGE) checkSignature(statement, attachment, part, `Statement ${index} is invalid: /attachments/${position}`);
      if (part && !own.includes(sha2)) own.push(sha2);
      if (part) used.add(sha2);
    }
    return own;
  });
  for (const hash of parts.keys()) {
    if (!used.has(hash)) throw new XapiError(400, `The multipart/mixed part with X-Experience-API-Hash ${hash} matches no attachment's sha2 in the statements`);
  }
  return carried;
}

/** The statement's attachments and those of a SubStatement object (which may have its own). */
export function attachmentsOf(statement: Json): Json[] {
  const own = Array.isArray(statement.attachments) ? (statement.attachments as Json[]) : [];
  const object = statement.object as Json | undefined;
  const sub = object?.objectType === 'SubStatement' && Array.isArray(object.attachments) ? (object.attachments as Json[]) : [];
  return [...own, ...sub];
}

/**
 * A signature attachment (Data 2.6): `application/octet-stream`, its data a compact JWS signed with RS256, RS384 or
 * RS512 whose payload is the statement it is attached to (compared as statements are, X-6.5). The signature itself
 * is not verified: the spec leaves the trust in the signer's key to whoever reads it.
 */
function checkSignature(statement: Json, attachment: Json, part: AttachmentPart | undefined, where: string): void {
  if (String(attachment.contentType).split(';')[0]?.trim().toLowerCase() !== 'application/octet-stream') {
    throw new XapiError(400, `${where} is a signature, whose contentType must be application/octet-stream`);
  }
  if (!part) throw new XapiError(400, `${where} is a signature, whose JWS must be sent as a multipart/mixed part`);
  const pieces = part.data.toString('latin1').trim().split('.');
  const header = pieces.length === 3 ? decodeJson(pieces[0] as string) : undefined;
  const payload = pieces.length === 3 ? decodeJson(pieces[1] as string) : undefined;
  if (!isObject(header) || !isObject(payload)) throw new XapiError(400, `${where} is a signature that is not a JWS in compact form with a JSON payload`);
  if (typeof header.alg !== 'string' || !SIGNATURE_ALGORITHMS.has(header.alg)) {
    throw new XapiError(400, `${where} is a signature with algorithm ${String(header.alg)}: xAPI allows RS256, RS384 and RS512`);
  }
  if (!statementsEqual(withoutUnsigned(payload), withoutUnsigned(statement))) {
    throw new XapiError(400, `${where} is a signature whose payload is not this statement`);
  }
}

/** What the spec lets differ between a signed statement and its JWS payload: the id and the LRS's own properties. */
function withoutUnsigned(statement: Json): Json {
  const { id: _id, authority: _authority, stored: _stored, version: _version, attachments: _attachments, ...rest } = statement;
  return rest;
}

function decodeJson(piece: string): unknown {
  try {
    return JSON.parse(Buffer.from(piece, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

import type { IncomingMessage } from 'node:http';
import type { Db } from '../store/open-database.js';
import { authenticateXapi, type XapiCredential } from '../store/xapi-credentials-repo.js';
import { XapiError } from './xapi-headers.js';

export const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="xapi"' };

/** HTTP Basic against the activities' xAPI credentials (X-2.4); 401 with a challenge otherwise. */
export function authenticate(db: Db, req: IncomingMessage): XapiCredential {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) throw new XapiError(401, 'Missing HTTP Basic credentials', CHALLENGE);
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const credential = colon < 0 ? undefined : authenticateXapi(db, decoded.slice(0, colon), decoded.slice(colon + 1));
  if (!credential) throw new XapiError(401, 'Unknown or revoked xAPI credentials', CHALLENGE);
  return credential;
}

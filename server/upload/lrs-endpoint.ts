import { type Wording, type WordingValue, word, wording } from '../i18n/wording.js';
import type { LrsTarget } from './lrs-client.js';

/**
 * An LRS endpoint, key and secret that cannot be used as given: the message says how to give them. Its `message` is
 * English (the CLI's); the admin API words its `wording` in the dashboard's language.
 */
export class LrsEndpointError extends Error {
  constructor(readonly wording: Wording) {
    super(word(wording));
  }
}

/** How the caller's user gives the key and the secret, for the messages: the CLI's flags, or the dashboard's fields. */
export interface CredentialWording {
  key: WordingValue;
  secret: WordingValue;
}

export const CLI_WORDING: CredentialWording = { key: '--username KEY', secret: '--password SECRET (or --password-stdin)' };
export const DASHBOARD_WORDING: CredentialWording = { key: wording('upload.keyField'), secret: wording('upload.secretField') };

/** The key and secret written into an endpoint URL (`https://KEY:SECRET@host/xAPI`), decoded; empty when absent. */
export function credentialsInEndpoint(endpoint: string): { username: string; password: string } {
  const url = parseEndpoint(endpoint);
  return { username: decoded(url.username), password: decoded(url.password) };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The endpoint without a key and secret typed into it, as it is stored, shown and logged. An endpoint without
 * credentials stays exactly as typed (less a final slash), so it keeps naming the upload target it named before.
 */
export function endpointWithoutCredentials(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint.replace(/\/+$/, '');
  }
  if (url.username === '' && url.password === '') return endpoint.replace(/\/+$/, '');
  url.username = '';
  url.password = '';
  return url.href.replace(/\/+$/, '');
}

/**
 * The target to upload to, from an endpoint that may carry `KEY:SECRET@` (as LRS admin pages often show it) and the
 * key and secret given apart. Fetch refuses a URL with credentials, and stored as typed the secret would be shown on
 * the Data screen and in every message naming the endpoint: they are taken out of the URL and used as the key and
 * secret. Given both ways they must agree; a key or secret given in neither way is refused, saying how to give it.
 */
export function lrsTargetFrom(
  input: { endpoint: string; username?: string | undefined; password?: string | undefined },
  fields: CredentialWording,
): LrsTarget {
  const fromUrl = credentialsInEndpoint(input.endpoint);
  const endpoint = endpointWithoutCredentials(input.endpoint);
  const username = agree(input.username, fromUrl.username, wording('upload.keyDiffers', { key: fields.key }));
  const password = agree(input.password, fromUrl.password, wording('upload.secretDiffers', { secret: fields.secret }));
  if (!username) throw new LrsEndpointError(wording('upload.keyNeeded', { key: fields.key }));
  if (!password) throw new LrsEndpointError(wording('upload.secretNeeded', { secret: fields.secret }));
  return { endpoint, username, password };
}

function agree(given: string | undefined, inUrl: string, conflict: Wording): string {
  if (!given) return inUrl;
  if (inUrl && inUrl !== given) throw new LrsEndpointError(conflict);
  return given;
}

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // Not echoed: what was typed may hold the secret.
    throw new LrsEndpointError(wording('upload.notUrl'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LrsEndpointError(wording('upload.notHttp'));
  }
  return url;
}

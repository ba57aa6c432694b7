import xapiModule from '@xapi/xapi';
import type { Collector } from '../../server/index.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { makeActivity } from '../support/fixtures.js';
import { request, type TextResponse } from '../support/http.js';

export interface XapiEndpoint {
  endpoint: string;
  key: string;
  secret: string;
  activityId: string;
  trackingCode: string;
  auth: string;
  /** fetch against /xapi/statements with version header and credentials unless overridden. */
  call(path: string, init?: RequestInit & { version?: string | null }): Promise<TextResponse>;
}

/** A new activity and its xAPI credentials, as the CLI would show them. */
export function xapiEndpoint(collector: Collector, name = 'xAPI activity'): XapiEndpoint {
  const activity = makeActivity(collector.context.db, { name });
  const credential = activeXapiCredential(collector.context.db, activity.id);
  if (!credential) throw new Error('no credential was created with the activity');
  const auth = `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`;
  const endpoint = `${collector.url}/xapi/`;
  return {
    endpoint,
    key: credential.key,
    secret: credential.secret,
    activityId: activity.id,
    trackingCode: activity.trackingCode,
    auth,
    call(path, init = {}) {
      const { version = '1.0.3', headers, ...rest } = init;
      const base: Record<string, string> = { Authorization: auth };
      if (version !== null) base['X-Experience-API-Version'] = version;
      if (typeof rest.body === 'string') base['Content-Type'] = 'application/json';
      return request(`${collector.url}/xapi/${path}`, { ...rest, headers: { ...base, ...(headers as Record<string, string>) } });
    },
  };
}

export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'http://example.com/game/level-1', definition: { name: { 'en-US': 'Level 1' } } },
    ...overrides,
  };
}

/**
 * The @xapi/xapi client class. Its typings declare an ES default export while Node loads the CommonJS build, whose
 * default import is the class itself.
 */
export const XAPI = xapiModule as unknown as typeof xapiModule.default;
export type XapiClient = InstanceType<typeof XAPI>;

/** What an xAPI game does with an endpoint and the key and secret it was given: one statement, HTTP Basic. */
export function postAsXapiGame(endpoint: string, key: string, secret: string): Promise<TextResponse> {
  return request(`${endpoint}statements`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(statement()),
  });
}

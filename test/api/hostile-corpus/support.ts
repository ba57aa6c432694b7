import assert from 'node:assert/strict';
import { storedFor } from '../../support/stored.js';
import type { Env, Expectation, HostileCase, Wire } from './types.js';
import { http, json } from './wire.js';

export type Json = Record<string, unknown>;

export const TRACK = '/api/collector/track';
export const END = '/api/collector/end';
export const LOGIN = '/api/login';
export const LOGOUT = '/api/logout';
export const XAPI = '/xapi/statements';
export const start = (code: string) => `/api/collector/start/${code}`;

/** A statement every route accepts (no `id`, so that no two cases collide as re-sends). */
export function baseStatement(env: Env): Json {
  return {
    actor: env.actorA,
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { id: 'http://example.com/game/level-1', definition: { type: 'http://adlnet.gov/expapi/activities/level' } },
    timestamp: '2026-11-26T09:41:42.241Z',
  };
}

export const track = (env: Env, body: unknown, headers: Record<string, string> = {}): Wire =>
  json(TRACK, body, { Authorization: env.tokenA, ...headers });

export const xapi = (env: Env, body: string | Buffer, headers: Record<string, string> = {}): Wire =>
  http({
    path: XAPI,
    headers: { Authorization: env.xapiAuth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json', ...headers },
    body,
  });

/** Accepted, and stored exactly as sent apart from the session data of C-6.5 (which only adds keys). */
export function storedVerbatim(build: (env: Env) => Json): Pick<Expectation, 'status' | 'body' | 'statements' | 'check'> {
  return {
    status: 200,
    body: '{"message":"Success."}',
    statements: 1,
    check(env) {
      const last = storedFor(env.collector.context.db, env.tokenA).at(-1);
      assert.ok(last, 'a statement was stored');
      const expected = build(env);
      for (const [key, value] of Object.entries(expected)) {
        if (key !== 'object') assert.deepEqual(last.statement[key], value, key);
      }
      const object = expected.object as Json;
      assert.deepEqual(last.statement.object.id, object.id);
      const definition = object.definition as Json;
      assert.deepEqual(last.statement.object.definition.type, definition.type);
      for (const [key, value] of Object.entries((definition.extensions as Json | undefined) ?? {})) {
        assert.deepEqual(last.statement.object.definition.extensions[key], value, `extension ${key}`);
      }
    },
  };
}

export const nest = (depth: number, open = '[', close = ']', inner = ''): string => open.repeat(depth) + inner + close.repeat(depth);

/** A track of one statement that must be accepted and stored verbatim. */
export function verbatimCase(group: string, name: string, build: (env: Env) => Json, headers: Record<string, string> = {}): HostileCase {
  return { group, name, request: (env) => track(env, [build(env)], headers), expect: storedVerbatim(build) };
}

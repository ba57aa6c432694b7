import type { TextResponse } from './http.js';
import { postJson, request } from './http.js';

export const PREFIXES = ['/api/collector', '/api/proxy/gleaner/collector'] as const;

export interface StartAnswer {
  authToken: string;
  actor: { account: { homePage: string; name: string }; name: string };
  playerAnimalName: string;
  playerId: string;
  objectId: string;
  session: number;
  firstSessionStarted: string;
  currentSessionStarted: string;
}

/** The original's shared test statement S (contract §13.1), with the actor of the latest start. */
export function statementS(actor: unknown): Record<string, unknown> {
  return {
    id: '19de3bf2-6b7f-4399-a71b-da5f3674c8f8',
    actor,
    verb: { id: 'http://id.tincanapi.com/verb/initialized' },
    object: {
      id: 'http://example.com/games/SuperMarioBros/Screens/testName',
      definition: {
        type: 'https://rage.e-ucm.es/xapi/seriousgames/activities/type',
        extensions: { type: 'defType', extensions: { versionId: 'testVersionId', gameplayId: 'testGameplayId' } },
      },
    },
    result: { extensions: { ext1: '123', '/ext2': '456', 'asdasd/asdasd3': 0, '23.423.4756/ext3': '411' } },
    timestamp: '2016-05-16T11:48:25Z',
  };
}

export async function start(
  base: string,
  code: string,
  options: { prefix?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<TextResponse> {
  const url = `${base}${options.prefix ?? PREFIXES[0]}/start/${encodeURIComponent(code)}`;
  if (options.body === undefined) return request(url, { method: 'POST', headers: options.headers ?? {} });
  return postJson(url, options.body, options.headers);
}

export async function startOk(base: string, code: string, options: Parameters<typeof start>[2] = {}): Promise<StartAnswer> {
  const answer = await start(base, code, options);
  if (answer.status !== 200) throw new Error(`start answered ${answer.status} ${answer.text}`);
  return answer.json as StartAnswer;
}

export function track(base: string, authToken: string, body: unknown, prefix: string = PREFIXES[0]): Promise<TextResponse> {
  return postJson(`${base}${prefix}/track`, body, { Authorization: authToken });
}

/** A batch of `count` statements of the player's session, without ids (as games send them), that must be taken. */
export async function trackStatements(base: string, session: StartAnswer, count: number): Promise<void> {
  const body = Array.from({ length: count }, () => ({ ...statementS(session.actor), id: undefined }));
  const answer = await track(base, session.authToken, body);
  if (answer.status !== 200) throw new Error(`track answered ${answer.status} ${answer.text}`);
}

/**
 * A serious-games statement of the session's player as the trackers send it: `verb` (`selected` is ADB's, the rest
 * ADL's) on `<objectId>/<type>/<name>` of that activity type, at `time`, with its result when given.
 */
export function seriousGameStatement(start: StartAnswer, verb: string, type: string, name: string, time: number, result?: unknown) {
  return {
    actor: start.actor,
    verb: { id: verb === 'selected' ? 'https://w3id.org/xapi/adb/verbs/selected' : `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { id: `${start.objectId}/${type}/${name}`, definition: { type: `https://w3id.org/xapi/seriousgames/activity-types/${type}` } },
    timestamp: new Date(time).toISOString(),
    ...(result ? { result } : {}),
  };
}

/** A track of these statements, that must be taken (200). */
export async function trackTaken(base: string, authToken: string, statements: unknown[]): Promise<void> {
  const answer = await track(base, authToken, statements);
  if (answer.status !== 200) throw new Error(`track answered ${answer.status} ${answer.text}`);
}

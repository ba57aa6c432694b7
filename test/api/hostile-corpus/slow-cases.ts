import { TRACK } from './support.js';
import type { HostileCase } from './types.js';

/**
 * Slow clients. The corpus collector runs with a 1 s headers timeout and a 2 s request timeout: every one of these
 * connections must be closed by the server (Node answers 408 first when it can), instead of being held forever.
 */
const head = (token: string, length: number) =>
  `POST ${TRACK} HTTP/1.1\r\nHost: aula.test\r\nAuthorization: ${token}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

export const slowCases = (): HostileCase[] => {
  const group = 'slow clients';
  const closed = { status: [null, 408] };
  return [
    {
      group,
      name: 'slowloris: headers one byte every 100 ms, never finished',
      request: (env) => ({ bytes: [...head(env.tokenA, 2).slice(0, -2)].map((c) => Buffer.from(c)), pauseMs: 100 }),
      expect: closed,
    },
    {
      group,
      name: 'half a header block, then silence',
      request: () => ({ bytes: [Buffer.from(`POST ${TRACK} HTTP/1.1\r\nHost: aula.test\r\nX-Slow: `)] }),
      expect: closed,
    },
    { group, name: 'connects and sends nothing', request: () => ({ bytes: [Buffer.alloc(0)] }), expect: closed },
    {
      group,
      name: 'headers, then 10 of 100 body bytes, then silence',
      request: (env) => ({ bytes: [Buffer.from(head(env.tokenA, 100)), Buffer.from('[{"actor":')] }),
      expect: closed,
    },
    {
      group,
      name: 'body trickled one byte every 200 ms',
      request: (env) => {
        const body = JSON.stringify([{ padding: 'x'.repeat(60) }]);
        return { bytes: [Buffer.from(head(env.tokenA, body.length)), ...[...body].map((c) => Buffer.from(c))], pauseMs: 200 };
      },
      expect: closed,
    },
    {
      group,
      name: 'chunked body that never ends',
      request: (env) => ({
        bytes: [Buffer.from(`POST ${TRACK} HTTP/1.1\r\nHost: aula.test\r\nAuthorization: ${env.tokenA}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[{"a"\r\n`)],
      }),
      expect: closed,
    },
  ];
};

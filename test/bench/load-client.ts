import http from 'node:http';

export interface Answer {
  status: number;
  body: string;
  retryAfter: string | undefined;
}

/** Keep-alive HTTP, as trackers use it; one agent per run so every client keeps its own socket. */
export function createAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/**
 * `expectContinue`: as UnityWebRequest posts by default, `Expect: 100-continue`, and the body only once the server
 * answers `100 Continue`; a final answer before it means the body is never sent.
 */
export function post(
  agent: http.Agent,
  url: string,
  body: string,
  headers: Record<string, string> = {},
  options: { expectContinue?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...(options.expectContinue ? { Expect: '100-continue' } : {}),
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: text, retryAfter: response.headers['retry-after'] });
          // Answered before 100 Continue: the body was never asked for, and the server closes the connection.
          if (!request.writableEnded) request.destroy();
        });
      },
    );
    request.on('error', reject);
    if (options.expectContinue) request.once('continue', () => request.end(body));
    else request.end(body);
  });
}

/**
 * A batch of B statements shaped like js-tracker 0.9.2's (fixtures/real-clients): compact, with the start's actor
 * and objectId. `serial` makes every batch different, as real timestamps do.
 */
export function trackerBatch(actor: unknown, objectId: string, size: number, serial: number): string {
  const actorJson = JSON.stringify(actor);
  const statements: string[] = [];
  for (let i = 0; i < size; i++) {
    const time = new Date(1_700_000_000_000 + serial * size + i).toISOString();
    const kind = i % 3;
    if (kind === 0) {
      statements.push(
        `{"actor":${actorJson},"verb":{"id":"https://w3id.org/xapi/seriousgames/verbs/accessed"},"object":{"id":"${objectId}/screen/screen${i}","definition":{"type":"https://w3id.org/xapi/seriousgames/activity-types/screen"}},"timestamp":"${time}"}`,
      );
    } else if (kind === 1) {
      statements.push(
        `{"actor":${actorJson},"verb":{"id":"http://adlnet.gov/expapi/verbs/progressed"},"object":{"id":"${objectId}/level/level1","definition":{"type":"https://w3id.org/xapi/seriousgames/activity-types/level"}},"timestamp":"${time}","result":{"extensions":{"https://w3id.org/xapi/seriousgames/extensions/progress":0.${i % 10}}}}`,
      );
    } else {
      statements.push(
        `{"actor":${actorJson},"verb":{"id":"http://adlnet.gov/expapi/verbs/interacted"},"object":{"id":"${objectId}/item/door","definition":{"type":"https://w3id.org/xapi/seriousgames/activity-types/item"}},"timestamp":"${time}","result":{"extensions":{"custom_ext":"hello","https://w3id.org/xapi/seriousgames/extensions/health":0.42}}}`,
      );
    }
  }
  return `[${statements.join(',')}]`;
}

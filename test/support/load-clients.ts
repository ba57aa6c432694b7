import http from 'node:http';

export interface ClientLog {
  authToken: string;
  /** Markers (object ids) of statements the server acknowledged with 200. */
  acknowledged: string[];
  /** Answers other than 200, by status (0 = connection failed). */
  failures: Map<number, number>;
}

function post(agent: http.Agent, url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    request.on('error', () => resolve({ status: 0, text: '' }));
    request.end(body);
  });
}

/**
 * Game-like clients for reliability tests: each starts a session, then sends batches back to back until told to
 * stop, recording exactly which statements the server acknowledged.
 */
export async function runClients(
  baseUrl: string,
  trackingCode: string,
  options: { clients: number; batch: number; shouldStop: () => boolean },
): Promise<ClientLog[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const logs = await Promise.all(
    Array.from({ length: options.clients }, async (_, client): Promise<ClientLog> => {
      const started = await post(agent, `${baseUrl}/api/collector/start/${trackingCode}`, '{}', {});
      if (started.status !== 200) throw new Error(`start answered ${started.status}`);
      const session = JSON.parse(started.text) as { authToken: string; actor: unknown; objectId: string };
      const log: ClientLog = { authToken: session.authToken, acknowledged: [], failures: new Map() };
      for (let batch = 0; !options.shouldStop(); batch++) {
        const markers = Array.from({ length: options.batch }, (_, index) => `${session.objectId}/c${client}/b${batch}/i${index}`);
        const body = JSON.stringify(
          markers.map((id) => ({
            actor: session.actor,
            verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
            object: { id, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
            timestamp: new Date().toISOString(),
            // A result, so that each statement also makes a row of the per-student results (crash.test.ts).
            result: { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': (batch % 10) / 10 } },
          })),
        );
        const answer = await post(agent, `${baseUrl}/api/collector/track`, body, { Authorization: session.authToken });
        if (answer.status === 200) log.acknowledged.push(...markers);
        else {
          log.failures.set(answer.status, (log.failures.get(answer.status) ?? 0) + 1);
          if (answer.status === 0) break;
        }
      }
      return log;
    }),
  );
  agent.destroy();
  return logs;
}

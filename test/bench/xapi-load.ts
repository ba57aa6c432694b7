import { createAgent, post } from './load-client.js';
import { cpuSeconds, peakRssMb, percentiles, round } from './measure.js';
import type { LoadResult } from './scenarios.js';

/** Where an xAPI client posts: `${endpoint}/statements` with Basic credentials, on a process we can measure. */
export interface XapiTarget {
  name: string;
  endpoint: string;
  username: string;
  password: string;
  pid: number;
}

/**
 * B standard xAPI statements as a newer client (xAPI tracker) posts them: one player's actor, no ids (the LRS
 * assigns them), the seriousgames verbs and activity types of the RAGE fixtures, every batch different.
 */
export function xapiBatch(client: number, size: number, serial: number): string {
  const actor = `{"objectType":"Agent","name":"Player ${client}","account":{"homePage":"http://bench.example/","name":"player-${client}"}}`;
  const statements: string[] = [];
  for (let i = 0; i < size; i++) {
    const time = new Date(1_700_000_000_000 + serial * size + i).toISOString();
    statements.push(
      `{"actor":${actor},"verb":{"id":"http://adlnet.gov/expapi/verbs/progressed","display":{"en-US":"progressed"}},"object":{"objectType":"Activity","id":"http://bench.example/games/maze/level/level${i}","definition":{"type":"https://w3id.org/xapi/seriousgames/activity-types/level"}},"result":{"extensions":{"https://w3id.org/xapi/seriousgames/extensions/progress":0.${i % 10}}},"timestamp":"${time}"}`,
    );
  }
  return `[${statements.join(',')}]`;
}

/** The saturation load of `runLoad`, through `POST /statements` of an LRS: clients send batches back to back. */
export async function runXapiLoad(target: XapiTarget, options: { clients: number; batch: number; seconds: number }): Promise<LoadResult> {
  const agent = createAgent(options.clients);
  const headers = {
    Authorization: `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}`,
    'X-Experience-API-Version': '1.0.3',
  };
  const latencies: number[] = [];
  let statements = 0;
  let requests = 0;
  let refused = 0;
  let errors = 0;
  const cpuBefore = cpuSeconds(target.pid);
  const began = performance.now();
  const deadline = began + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      let serial = client * 1_000_000;
      while (performance.now() < deadline) {
        const sent = performance.now();
        const answer = await post(agent, `${target.endpoint}/statements`, xapiBatch(client, options.batch, serial++), headers);
        latencies.push(performance.now() - sent);
        requests++;
        if (answer.status === 200) statements += options.batch;
        else if (answer.status === 503) {
          refused++;
          await new Promise((resolve) => setTimeout(resolve, Number(answer.retryAfter ?? 1) * 1000));
        } else if (errors++ === 0) console.error(`${target.name} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  return {
    server: target.name,
    clients: options.clients,
    batch: options.batch,
    seconds: round(elapsed, 2),
    statements,
    statementsPerSecond: Math.round(statements / elapsed),
    requests,
    refused503: refused,
    errors,
    latencyMs: Object.fromEntries(Object.entries(percentiles(latencies)).map(([key, value]) => [key, round(value, 2)])) as LoadResult['latencyMs'],
    serverCpuSeconds: round(cpuSeconds(target.pid) - cpuBefore, 2),
    serverPeakRssMb: round(peakRssMb(target.pid)),
  };
}

import { createAgent, post } from './load-client.js';
import { driveLoad, type LoadResult } from './scenarios.js';

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
  try {
    return await driveLoad(target, options, (client, serial) =>
      post(agent, `${target.endpoint}/statements`, xapiBatch(client, options.batch, serial), headers),
    );
  } finally {
    agent.destroy();
  }
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk } from '../support/rage.js';
import { storedFor } from '../support/stored.js';

const JAVA_TRACK = '/api/proxy/gleaner/collector/track';

/** A statement as java-tracker writes one, with a Spanish answer in it. */
function answer(started: StartAnswer, response: string): string {
  return JSON.stringify({
    actor: started.actor,
    verb: { id: 'https://w3id.org/xapi/adb/verbs/selected' },
    object: { id: `${started.objectId}/question/capital`, definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction' } },
    result: { response, success: true },
    timestamp: '2026-11-28T09:41:42.241Z',
  });
}

/**
 * java-tracker writes its body with `new OutputStreamWriter(connection.getOutputStream())`: the platform's default
 * charset, which on Windows before Java 18 is Windows-1252, labelled `application/json` all the same.
 */
async function postAsJavaOnWindows(url: string, authToken: string, bytes: Buffer): Promise<number> {
  const sent = await fetch(`${url}${JAVA_TRACK}`, {
    method: 'POST',
    headers: { Authorization: authToken, 'Content-Type': 'application/json', 'User-Agent': 'Java/1.8.0_381' },
    body: new Uint8Array(bytes),
  });
  return sent.status;
}

describe('a game that sends its text in Windows-1252 (java-tracker on Windows, Java 8 to 17)', () => {
  const collector = useTestCollector();

  test('its accents, ñ and € are stored as the student typed them, not as replacement characters', async () => {
    const { url, context } = collector.current;
    const activity = makeActivity(context.db);
    const started = await startOk(url, activity.trackingCode, { prefix: '/api/proxy/gleaner/collector' });
    const text = `[\r\n${answer(started, 'Sevilla, ¿no? Ñandú, árbol: 5 €')}\r\n]`;
    // Windows-1252: Latin-1 for á, ñ, ¿ and the rest; the euro sign is its own byte, 0x80.
    const [before, after] = text.split('€') as [string, string];
    const bytes = Buffer.concat([Buffer.from(before, 'latin1'), Buffer.from([0x80]), Buffer.from(after, 'latin1')]);

    assert.equal(await postAsJavaOnWindows(url, started.authToken, bytes), 200);
    const [stored] = storedFor(context.db, started.authToken);
    assert.equal(stored?.statement.result.response, 'Sevilla, ¿no? Ñandú, árbol: 5 €');
  });

  test('a body in UTF-8 is read as UTF-8, its accents and a replacement character the game sent itself included', async () => {
    const { url, context } = collector.current;
    const activity = makeActivity(context.db);
    const started = await startOk(url, activity.trackingCode, { prefix: '/api/proxy/gleaner/collector' });
    const response = 'Ñandú, árbol: 5 € (\uFFFD as sent)';

    assert.equal(await postAsJavaOnWindows(url, started.authToken, Buffer.from(`[${answer(started, response)}]`, 'utf8')), 200);
    const [stored] = storedFor(context.db, started.authToken);
    assert.equal(stored?.statement.result.response, response);
  });
});

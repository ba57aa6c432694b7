import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { gameStatements } from './export-support.js';

/**
 * An activity already closed whose games still send: its erasure is refused with what to do next as a sentence of its
 * own ("Let the students…", capitalised after the full stop), in English and in Spanish; while it is open, the refusal
 * still says to close it first.
 */
describe('the erasure refused while games still play, once the activity is closed', () => {
  const collector = useTestCollector();

  const refusal = async (path: string, json: unknown, language?: string): Promise<string> => {
    const answer = await request(`${collector.current.url}/admin/api${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(language === undefined ? {} : { 'Accept-Language': language }) },
      body: JSON.stringify(json),
    });
    assert.equal(answer.status, 409, answer.text);
    const { error } = answer.json as { error: { reason: string; message: string } };
    assert.equal(error.reason, 'games-playing');
    return error.message;
  };

  test('open: close it first; closed: let the students leave, a sentence of its own in each language', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'Fractions' });
    const code = activity.trackingCode;
    const game = await startOk(collector.current.url, code);
    assert.equal((await track(collector.current.url, game.authToken, gameStatements(game, 2))).status, 200);
    const erase = `/activities/${activity.id}/erase`;
    const confirm = { trackingCode: code, confirm: true };

    assert.equal(
      await refusal(erase, confirm),
      `Nothing erased: 1 game is still playing in Fractions (${code}): sent something in the last 5 minutes. Close the activity (aula activity close ${code}), let the students leave the game, and try again in 5 minutes.`,
    );

    assert.equal((await adminApi(collector.current.url, `/activities/${activity.id}/close`, {})).status, 200);
    const closed = `Nothing erased: 1 game is still playing in Fractions (${code}): sent something in the last 5 minutes. Let the students leave the game, and try again in 5 minutes.`;
    assert.equal(await refusal(erase, confirm), closed);
    assert.equal(await refusal(erase, confirm, 'en'), closed);
    assert.equal(
      await refusal(erase, confirm, 'es'),
      `No se ha borrado nada: 1 juego sigue jugando en Fractions (${code}): ha enviado algo en los últimos 5 minutos. Deja que los alumnos salgan del juego y vuelve a intentarlo dentro de 5 minutos.`,
    );
  });
});

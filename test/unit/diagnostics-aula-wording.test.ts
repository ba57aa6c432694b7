import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { AULA_DETAILS, detailText } from '../../renderer/src/screens/diagnostics/wording.js';
import { Messages } from '../../server/collector/messages.js';
import { ERASED_SESSION, NO_AUTHORIZATION } from '../../server/collector/refusals.js';
import { TLS_MESSAGE } from '../../server/diagnostics/tls-attempts.js';

// The sentences Diagnostics lists that Aula words itself, not the game's answers: the dashboard knows them by their
// English text, so a server sentence reworded without its copy here would show in English on a Spanish screen.
const AULA_SENTENCES = [TLS_MESSAGE, NO_AUTHORIZATION, ERASED_SESSION];

test("the dashboard knows each of Aula's own Diagnostics sentences as the server words it", () => {
  assert.deepEqual(Object.keys(AULA_DETAILS).sort(), [...AULA_SENTENCES].sort());
});

test('in English each reads as the server wrote it; in Spanish, translated; what a game was told, as told', async () => {
  await i18next.changeLanguage('en');
  for (const sentence of AULA_SENTENCES) assert.equal(detailText(sentence), sentence);
  await i18next.changeLanguage('es');
  try {
    assert.deepEqual(AULA_SENTENCES.map(detailText), [
      'Un juego se conectó con https:// a este puerto, que solo habla http://',
      'Sin authToken: trazas enviadas sin el authToken de un inicio (sin cabecera Authorization, o null)',
      'Trazas de una sesión cuyo jugador tiene los datos borrados: rechazadas, y no se guardan',
    ]);
    assert.equal(detailText(Messages.token), Messages.token);
  } finally {
    await i18next.changeLanguage('en');
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { alertText } from '../../renderer/src/screens/alerts/alert-text.js';
import type { AlertWording } from '../../server/admin/api-types.js';
import { englishMessage } from '../../server/rules/alert-wording.js';

const WORDINGS: AlertWording[] = [
  { rule: 'idle', values: { minutes: 3 } },
  { rule: 'idle', values: { minutes: 0.5 } },
  { rule: 'idle', values: { minutes: 2.25 } },
  { rule: 'noProgress', values: { minutes: 10 } },
  { rule: 'noProgress', values: { minutes: 2.5, percent: 42.5 } },
  { rule: 'wrongInARow', values: { count: 3, object: 'Question 2', response: 'C' } },
  { rule: 'wrongInARow', values: { count: 1 } },
  { rule: 'wrongTotal', values: { count: 12, object: 'q3' } },
  { rule: 'lowScore', values: { score: 0.3, object: 'First level', threshold: 0.5 } },
  { rule: 'lowScore', values: { score: 1500, object: 'l1', threshold: 2000.25 } },
  { rule: 'quit', values: { object: 'level2' } },
  { rule: 'quitAnything', values: {} },
  { rule: 'custom', values: { name: 'Asked for hints', count: 1, minutes: 2 } },
  { rule: 'custom', values: { name: 'Asked for hints', count: 3 } },
  { rule: 'custom', values: { name: 'Asked for hints', count: 3, minutes: 0.75 } },
];

test('one wrong answer reads in the singular, in the message the CLI and exports read too', () => {
  assert.match(englishMessage({ rule: 'wrongInARow', values: { count: 1 } }), /^1 wrong answer in a row /);
  assert.match(englishMessage({ rule: 'wrongTotal', values: { count: 1, object: 'q3' } }), /^1 wrong answer in this session /);
  assert.match(englishMessage({ rule: 'wrongTotal', values: { count: 2, object: 'q3' } }), /^2 wrong answers in this session /);
});

test('the dashboard words an alert in English word for word as the server wrote its message', async () => {
  await i18next.changeLanguage('en');
  for (const wording of WORDINGS) {
    const message = englishMessage(wording);
    assert.equal(alertText({ message: 'not this', wording }), message, JSON.stringify(wording));
  }
});

test('in Spanish, with the numbers as Spanish writes them and the names as the game and the teacher gave them', async () => {
  await i18next.changeLanguage('es');
  try {
    const spanish = WORDINGS.map((wording) => alertText({ message: englishMessage(wording), wording }));
    assert.deepEqual(spanish, [
      'Inactivo durante 3 min o más',
      'Inactivo durante 30 s o más',
      'Inactivo durante 2,3 min o más',
      'Sin progreso durante 10 min',
      'Sin progreso durante 2,5 min (al 42,5 %)',
      '3 respuestas incorrectas seguidas (última: Question 2 → C)',
      '1 respuesta incorrecta seguida (última: algo)',
      '12 respuestas incorrectas en esta sesión (última: q3)',
      'Puntuación de 0,3 en First level (por debajo de 0,5)',
      'Puntuación de 1500 en l1 (por debajo de 2000,25)',
      'Salió sin completar level2',
      'Salió sin completar nada',
      'Asked for hints',
      'Asked for hints 3 veces',
      'Asked for hints 3 veces en 45 s',
    ]);
    // Stored before Aula kept the wording, or worded by a newer Aula: the English message as stored.
    assert.equal(alertText({ message: 'Idle for 3 min or more', wording: null }), 'Idle for 3 min or more');
    const unknown = { rule: 'fromTheFuture', values: {} } as unknown as AlertWording;
    assert.equal(alertText({ message: 'Something new', wording: unknown }), 'Something new');
  } finally {
    await i18next.changeLanguage('en');
  }
});

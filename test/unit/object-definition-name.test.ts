import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickLanguage } from '../../renderer/src/format/object-names.js';
import { describeAction } from '../../renderer/src/format/verbs.js';

const NAME = { es: 'Pregunta 1', 'en-GB': 'Question one', 'en-US': 'Question 1' };

test("an xAPI object's name is read in the browser's language, else US English or English, else the first given", () => {
  assert.equal(pickLanguage(NAME, ['es-ES', 'en']), 'Pregunta 1', 'another Spanish is still Spanish');
  assert.equal(pickLanguage(NAME, ['en-GB']), 'Question one');
  assert.equal(pickLanguage(NAME, ['de-DE']), 'Question 1');
  assert.equal(pickLanguage({ fr: 'Niveau un', de: 'Stufe eins' }, ['pt-BR']), 'Niveau un');
  assert.equal(pickLanguage({ fr: '  ', de: 'Stufe eins' }, []), 'Stufe eins', 'a blank name is no name');
  assert.equal(pickLanguage(null, ['en']), null);
});

test('the name replaces the last part of the id in the action, with the type kept', () => {
  const question = 'http://example.com/quiz/q1';
  const type = 'http://adlnet.gov/expapi/activities/question';
  const answered = 'http://adlnet.gov/expapi/verbs/answered';
  assert.equal(describeAction(answered, question, type, 'b', 'Question 1'), 'answered "b" in question "Question 1"');
  assert.equal(describeAction(answered, question, type, 'b'), 'answered "b" in question "q1"', 'without one, as before');
});

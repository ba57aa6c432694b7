import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickLanguage } from '../../renderer/src/format/object-names.js';
import { textInLanguage } from '../../server/results/object-definition-names.js';
import { type RuleEffect, worded } from '../../server/rules/evaluate.js';

const MAPS: Array<Record<string, string> | null> = [
  { es: 'Pregunta 1', 'en-GB': 'Question one', 'en-US': 'Question 1' },
  { fr: 'Niveau un', de: 'Stufe eins' },
  { fr: '  ', de: 'Stufe eins' },
  { 'EN-us': ' Question 1 ' },
  {},
  null,
];
const LANGUAGES = [['es-ES', 'en'], ['en-GB'], ['de-DE'], ['pt-BR'], [], ['es']];

test("the server words an object's name in a language as the dashboard picks it (one rule, two copies)", () => {
  for (const map of MAPS) {
    for (const languages of LANGUAGES) {
      assert.equal(textInLanguage(map, languages), pickLanguage(map, languages), `${JSON.stringify(map)} in ${languages.join(', ')}`);
    }
  }
});

test("an alert's message names its object as given, and keeps the id's last part without a name", () => {
  const raised: RuleEffect = {
    kind: 'raise',
    key: 'low-score:http://example.com/l1',
    severity: 'alert',
    message: 'Scored 0.3 on l1 (below 0.5)',
    wording: { rule: 'lowScore', values: { score: 0.3, object: 'l1', threshold: 0.5 } },
    naming: { objectId: 'http://example.com/l1' },
  };
  const named = worded(raised, (id) => (id === 'http://example.com/l1' ? 'First level' : null));
  assert.deepEqual(named, {
    kind: 'raise',
    key: raised.key,
    severity: 'alert',
    message: 'Scored 0.3 on First level (below 0.5)',
    // Its wording as data names it the same: the dashboard words it in the teacher's language, the name as the game gave it.
    wording: { rule: 'lowScore', values: { score: 0.3, object: 'First level', threshold: 0.5 } },
  });
  assert.deepEqual(worded(raised, () => null), {
    kind: 'raise',
    key: raised.key,
    severity: 'alert',
    message: 'Scored 0.3 on l1 (below 0.5)',
    wording: { rule: 'lowScore', values: { score: 0.3, object: 'l1', threshold: 0.5 } },
  });
  // What the writer's thread gets is plain data: it is cloned to reach it.
  assert.doesNotThrow(() => structuredClone(named));
});

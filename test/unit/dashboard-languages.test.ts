import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en } from '../../renderer/src/i18n/en/index.js';
import { es } from '../../renderer/src/i18n/es/index.js';
import { pickLanguage } from '../../renderer/src/i18n/languages.js';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [leaf, text] of leaves(value as object, `${prefix}${key}.`)) found.set(leaf, text);
  }
  return found;
}

/** The `{{name}}` and `<tag>` a wording fills in: a translation that drops one shows the teacher less. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<\/?(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();
}

describe("the dashboard's languages", () => {
  test('the Spanish wording has every English key, none empty, with the same placeholders', () => {
    const english = leaves(en);
    const spanish = leaves(es);
    assert.deepEqual([...spanish.keys()].sort(), [...english.keys()].sort());
    for (const [key, text] of spanish) {
      assert.notEqual(text.trim(), '', key);
      assert.deepEqual(placeholders(text), placeholders(english.get(key) as string), key);
    }
  });

  test("the teacher's choice first, else the browser's first language Aula speaks, else English", () => {
    assert.equal(pickLanguage('en', ['es-ES']), 'en');
    assert.equal(pickLanguage(null, ['de-DE', 'es-419', 'en']), 'es');
    assert.equal(pickLanguage(null, ['ES']), 'es');
    assert.equal(pickLanguage('fr', ['de']), 'en');
    assert.equal(pickLanguage(null, []), 'en');
  });
});

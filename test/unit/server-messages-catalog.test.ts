import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../server/i18n/en.js';
import { es } from '../../server/i18n/es.js';
import { preferredLanguage } from '../../server/i18n/request-language.js';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [path, text] of leaves(value, `${prefix}${key}.`)) found.set(path, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((match) => match[1]).sort();

test("every server message in Spanish is there, not empty, and fills the same values as the English", () => {
  const english = leaves(en);
  const spanish = leaves(es);
  assert.deepEqual([...spanish.keys()].sort(), [...english.keys()].sort());
  for (const [key, text] of english) {
    const translated = spanish.get(key) ?? '';
    assert.notEqual(translated.trim(), '', key);
    assert.deepEqual(placeholders(translated), placeholders(text), key);
  }
});

test('a request asks for Spanish when its Accept-Language prefers es, else for English', () => {
  for (const header of ['es', 'es-ES', 'ES-419', 'es-ES,es;q=0.9,en;q=0.8', 'fr,es;q=0.5,en;q=0.4', 'en;q=0.5,es']) {
    assert.equal(preferredLanguage(header), 'es', header);
  }
  for (const header of [undefined, '', 'en', 'en-US,es;q=0.9', 'fr', '*', 'es;q=0', 'es;q=oops', 'estonian', 'es;Q=0.4,en;q=0.5']) {
    assert.equal(preferredLanguage(header), 'en', String(header));
  }
});

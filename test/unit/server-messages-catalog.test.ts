import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../server/i18n/en.js';
import { es } from '../../server/i18n/es.js';
import { preferredLanguage } from '../../server/i18n/request-language.js';
import { assertMirrors } from '../support/catalog-leaves.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((match) => match[1] ?? "").sort();

test("every server message in Spanish is there, not empty, and fills the same values as the English", () => {
  // Values only: the server's wordings hold no markup, and an <angle-bracketed> word in them is text.
  assertMirrors(en, es, placeholders);
});

test('a request asks for Spanish when its Accept-Language prefers es, else for English', () => {
  for (const header of ['es', 'es-ES', 'ES-419', 'es-ES,es;q=0.9,en;q=0.8', 'fr,es;q=0.5,en;q=0.4', 'en;q=0.5,es']) {
    assert.equal(preferredLanguage(header), 'es', header);
  }
  for (const header of [undefined, '', 'en', 'en-US,es;q=0.9', 'fr', '*', 'es;q=0', 'es;q=oops', 'estonian', 'es;Q=0.4,en;q=0.5']) {
    assert.equal(preferredLanguage(header), 'en', String(header));
  }
});

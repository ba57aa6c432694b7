import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import i18next from 'i18next';
import { formatPercent, formatScore } from '../../renderer/src/format/progress.js';
import { formatCount } from '../../renderer/src/format/time.js';
import { en } from '../../renderer/src/i18n/en/index.js';
import { es } from '../../renderer/src/i18n/es/index.js';
import { pickLanguage } from '../../renderer/src/i18n/languages.js';
import { TITLES } from '../../server/diagnostics/diagnostic-kinds.js';
import { assertMirrors } from '../support/catalog-leaves.js';

describe("the dashboard's languages", () => {
  test('the Spanish wording has every English key, none empty, with the same placeholders', () => {
    assertMirrors(en, es);
  });

  test("the teacher's choice first, else the browser's first language Aula speaks, else English", () => {
    assert.equal(pickLanguage('en', ['es-ES']), 'en');
    assert.equal(pickLanguage(null, ['de-DE', 'es-419', 'en']), 'es');
    assert.equal(pickLanguage(null, ['ES']), 'es');
    assert.equal(pickLanguage('fr', ['de']), 'en');
    assert.equal(pickLanguage(null, []), 'en');
  });

  test('figures as the chosen language writes them: grouping, decimal mark and the space before %', async () => {
    const figures = () => [formatCount(12345), formatScore(0.9), formatPercent(0.5), formatPercent(1)];
    assert.deepEqual(figures(), ['12,345', '0.9', '50%', '100%']);
    await i18next.changeLanguage('es');
    try {
      assert.deepEqual(figures(), ['12.345', '0,9', '50\u00a0%', '100\u00a0%']);
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  test("Diagnostics' English group titles are the server's (the dashboard words them by kind, and may not import the server)", () => {
    assert.deepEqual(en.diagnostics.groups, TITLES);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Collector } from '../../server/index.js';
import { adminPost } from '../support/class-logins.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

// What the server words for the teacher (here: a class name already taken) reads in the dashboard's language: the
// dashboard sends it as Accept-Language on every request and the admin API answers in it (server/i18n).
describe("the server's messages in the dashboard's language", { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard | undefined;
  let collector: Collector;
  const contexts: BrowserContext[] = [];
  let classId = '';

  const classesIn = async (locale: string, chosen?: string): Promise<Page> => {
    const context = await (dashboard as CollectorDashboard).browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    if (chosen !== undefined) {
      // The teacher's choice in the header's Language list, kept for this browser.
      await context.addInitScript((language) => window.localStorage.setItem('aula.language', language), chosen);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${collector.url}/classes`);
    return page;
  };

  before(async () => {
    dashboard = await collectorDashboard();
    collector = dashboard.collector;
    classId = (await adminPost(collector.url, '/classes', { name: '3B' })).class?.id ?? '';
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await dashboard?.close();
  });

  test('a Spanish browser: a class name already taken is refused in Spanish on the Classes screen', { timeout: 60_000 }, async () => {
    const page = await classesIn('es-ES');
    await page.getByRole('heading', { name: 'Clases', exact: true }).waitFor();
    await page.getByLabel('Nombre de la clase', { exact: true }).fill('3b');
    await page.getByRole('button', { name: 'Crear clase' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'No se ha creado: Ya existe una clase llamada "3B" (en los nombres de clase no cuentan las mayúsculas).' })
      .waitFor();
  });

  test('an English browser whose teacher chose Español reads the refusal in Spanish too', { timeout: 60_000 }, async () => {
    const page = await classesIn('en-US', 'es');
    await page.getByRole('heading', { name: 'Clases', exact: true }).waitFor();
    await page.getByLabel('Nombre de la clase', { exact: true }).fill('3B');
    await page.getByRole('button', { name: 'Crear clase' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'No se ha creado: Ya existe una clase llamada "3B" (en los nombres de clase no cuentan las mayúsculas).' })
      .waitFor();

    // A roster goes by its own request (the file as it is): its problems by line follow the choice too.
    await page.goto(`${collector.url}/classes?class=${classId}`);
    const roster = ['ben,Good-Pass-12', 'ben,Other-Pass-34'];
    await page.getByLabel('Archivo de la lista de clase (.csv)').setInputFiles({ name: 'mal.csv', mimeType: 'text/csv', buffer: Buffer.from(roster.join('\n')) });
    await page.getByRole('button', { name: 'Importar alumnos' }).click();
    await page.locator('.roster-refused li[data-line="2"]', { hasText: /^Línea 2: / }).waitFor();
    assert.doesNotMatch((await page.locator('.roster-refused').textContent()) ?? '', /twice|already/);
  });

  test('in English, and for a Spanish browser whose teacher chose English, the refusal reads as before', { timeout: 60_000 }, async () => {
    for (const page of [await classesIn('en-US'), await classesIn('es-ES', 'en')]) {
      await page.getByRole('heading', { name: 'Classes', exact: true }).waitFor();
      await page.getByLabel('Class name', { exact: true }).fill('3b');
      await page.getByRole('button', { name: 'Create class' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Not created: A class named "3B" already exists (class names are compared without regard to case).' })
        .waitFor();
    }
  });
});

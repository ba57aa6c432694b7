import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import i18next from 'i18next';
import type { Page } from 'playwright-core';
import { formatByteSize } from '../../renderer/src/format/byte-size.js';
import type { Collector } from '../../server/index.js';
import { adminPost, passwordOf } from '../support/class-logins.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, track } from '../support/rage.js';
import { diskFillingBatch } from '../support/track-batches.js';
import { type CollectorDashboard, chromiumMissing, collectorDashboard } from './browser-support.js';

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });

// A Spanish teacher's browser: Classes (a real class, its students, a roster), Settings and the banner above every
// screen read in Spanish; what the server words (a refusal, a roster's problems) is in Spanish too (server/i18n).
describe('Classes, Settings and the banners in Spanish', { skip: chromiumMissing }, () => {
  let dashboard: CollectorDashboard | undefined;
  let collector: Collector;
  let page: Page;

  before(async () => {
    dashboard = await collectorDashboard({ locale: 'es-ES', viewport: { width: 1280, height: 900 } });
    ({ collector, page } = dashboard);
  });

  after(async () => {
    await dashboard?.close();
  });

  test('Classes: a class made, its students listed and imported, a student taken out, in Spanish', { timeout: 90_000 }, async () => {
    await page.goto(`${collector.url}/classes`);
    await page.getByRole('heading', { name: 'Clases', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Aún no hay ninguna clase' }).waitFor();
    assert.equal(await page.title(), 'Clases — Aula');

    await page.getByLabel('Nombre de la clase', { exact: true }).fill('3B');
    await page.getByRole('button', { name: 'Crear clase' }).click();
    await page.getByRole('heading', { name: 'Clase 3B' }).waitFor();
    await page.getByText('Aún no hay alumnos en esta clase: añádelos abajo').waitFor();
    await page.getByRole('heading', { name: 'Cómo inicia sesión un juego' }).waitFor();
    await page.locator('.login-hint').getByRole('link', { name: 'Actividades' }).waitFor();

    // The same name again: the refusal's prefix is Spanish, and so is the server's message (it words it in the
    // browser's language: dashboard-language-server-messages.test.ts).
    await page.getByLabel('Nombre de la clase', { exact: true }).fill('3b');
    await page.getByRole('button', { name: 'Crear clase' }).click();
    await page.getByRole('alert').filter({ hasText: 'No se ha creado: Ya existe una clase llamada "3B"' }).waitFor();

    // One student by the form, one by the admin API as another tab would.
    await page.getByLabel('Usuario', { exact: true }).fill('ana');
    await page.getByLabel('Contraseña', { exact: true }).fill(passwordOf('ana'));
    await page.getByRole('combobox', { name: /^Rol/ }).selectOption({ label: 'ayudante' });
    await page.getByRole('button', { name: 'Añadir alumno' }).click();
    await page.getByRole('status').filter({ hasText: 'Se ha añadido a ana a la clase 3B.' }).waitFor();
    const classId = new URL(page.url()).searchParams.get('class') ?? '';
    await adminPost(collector.url, `/classes/${classId}/students`, { username: 'ben', password: passwordOf('ben'), role: 'student' });
    await page.locator('table.class-students tr[data-username="ben"]').waitFor();

    const nav = page.getByRole('navigation', { name: 'Clases' });
    await nav.getByText('1 alumno, 1 ayudante', { exact: true }).waitFor();
    assert.deepEqual(await page.locator('table.class-students th').allTextContents(), ['Usuario', 'Nombre', 'Rol', 'Añadido', 'Acciones']);
    assert.equal(await page.locator('tr[data-username="ana"] .badge').textContent(), 'ayudante');
    assert.equal(await page.locator('tr[data-username="ben"] .badge').textContent(), 'alumno');
    // The counts with their plurals, and the time as Spanish writes it (24 hours, no "AM").
    const summary = page.locator('.class-panel > p.muted.small', { hasText: 'creada' });
    await summary.filter({ hasText: '1 alumno, 1 ayudante · 0 actividades vinculadas · creada: ' }).waitFor();
    assert.match((await summary.textContent()) ?? '', /creada: (\d{1,2} \S+ )?\d{2}:\d{2}:\d{2}$/);

    // A roster: the result line in Spanish; a refused one lists the server's problems after "Línea N:".
    await page.getByLabel('Archivo de la lista de clase (.csv)').setInputFiles(csvFile('3b.csv', ['carla,Luna-Azul-77', 'dani,Sol-Verde-12']));
    await page.getByRole('button', { name: 'Importar alumnos' }).click();
    await page.getByRole('status').filter({ hasText: 'Se han importado 2 alumnos a la clase 3B.' }).waitFor();
    await nav.getByText('3 alumnos, 1 ayudante', { exact: true }).waitFor();
    await page.getByLabel('Archivo de la lista de clase (.csv)').setInputFiles(csvFile('mal.csv', ['eva,Good-Pass-12', 'ben,Other-Pass-34']));
    await page.getByRole('button', { name: 'Importar alumnos' }).click();
    const refused = page.locator('.roster-refused');
    await refused.locator('li[data-line="2"]').waitFor();
    assert.match((await refused.locator('li').first().textContent()) ?? '', /^Línea 2: ya existe un alumno "ben"/);

    // Taking a student out: the question, its buttons and the notice in Spanish.
    await page.getByRole('button', { name: 'Quitar a carla de la clase…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Quitar a carla de la clase 3B' });
    await confirm.getByText('La cuenta del alumno y todo lo que ya jugó se quedan').waitFor();
    await confirm.getByRole('button', { name: 'Sí, quitar de la clase' }).click();
    await page.getByRole('status').filter({ hasText: 'Se ha quitado a carla de la clase 3B. La cuenta y todo lo que carla jugó se quedan.' }).waitFor();
    await nav.getByText('2 alumnos, 1 ayudante', { exact: true }).waitFor();

    // Deleting the class: one activity linked, in the singular.
    makeActivity(collector.context.db, { name: 'Fracciones 3B', classId });
    await page.reload();
    await page.getByRole('button', { name: 'Eliminar la clase 3B…' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Eliminar la clase 3B' });
    await ask.getByText('Sus 3 alumnos dejan de estar en ella').waitFor();
    await ask.getByText('1 actividad está vinculada a ella').waitFor();
    await ask.getByRole('button', { name: 'Cancelar' }).click();
    // The terminal's commands in the login hint stay as they are typed; no other English word of the screen is left.
    assert.equal(await page.getByText(/\b(Username|Rename|Delete|Remove|Reset password|Add student|Import)\b/).count(), 0);
  });

  test('Settings: the teacher key, the collector and backups, in Spanish', { timeout: 60_000 }, async () => {
    await page.getByRole('navigation', { name: 'Pantallas' }).getByRole('link', { name: 'Ajustes' }).click();
    await page.getByRole('heading', { name: 'Ajustes', exact: true }).waitFor();
    assert.equal(await page.title(), 'Ajustes — Aula');
    await page.getByRole('heading', { name: 'Clave de docente' }).waitFor();
    await page.getByRole('button', { name: 'Mostrar la clave' }).click();
    await page.getByRole('button', { name: 'Ocultar la clave' }).waitFor();
    await page.getByRole('button', { name: 'Generar otra…' }).waitFor();

    const card = page.getByTestId('collector-settings');
    await card.getByRole('heading', { name: 'Colector' }).waitFor();
    await card.getByText('Carpeta de datos').waitFor();
    assert.match((await card.textContent()) ?? '', new RegExp(`puerto ${collector.port}`));
    assert.match((await page.getByTestId('mdns-state').textContent()) ?? '', /^Desactivado/);

    await page.getByRole('heading', { name: 'Copias de seguridad' }).waitFor();
    await page.getByRole('button', { name: 'Hacer una copia ahora' }).click();
    await page.getByRole('status').filter({ hasText: 'Copia de seguridad escrita:' }).waitFor();
    const [name] = fs.readdirSync(path.join(collector.config.dataDir, 'backups'));
    assert.ok(name);
    const kept = page.getByRole('list', { name: 'Copias de seguridad guardadas' });
    await kept.getByText(name).waitFor();
    await kept.getByRole('button', { name: `Eliminar la copia de seguridad ${name}` }).click();
    const ask = page.getByRole('alertdialog', { name: `Eliminar la copia de seguridad ${name}` });
    await ask.getByText('no se podrá restaurar').waitFor();
    await ask.getByRole('button', { name: 'Sí, eliminar la copia' }).click();
    await page.getByRole('status').filter({ hasText: `Copia de seguridad eliminada: ${name}` }).waitFor();
    await page.getByText('Aún no hay ninguna copia de seguridad.').waitFor();
    await page.getByText('Para restaurar una, detén Aula y ejecuta aula restore <archivo de copia>.').waitFor();
  });

  test('the full-disk banner above every screen, in Spanish', { timeout: 60_000 }, async () => {
    const activity = makeActivity(collector.context.db, { name: 'Llenando' });
    const player = await startOk(collector.url, activity.trackingCode);
    const banner = page.getByTestId('disk-full-banner');
    collector.context.ingest.setMaxPages((collector.context.db.pragma('page_count', { simple: true }) as number) + 20);
    let serial = 0;
    let status = 200;
    while (status === 200 && serial < 200) status = (await track(collector.url, player.authToken, diskFillingBatch(player, serial++))).status;
    assert.equal(status, 503);
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /^Aula no puede guardar más datos: el disco está lleno\./);
    collector.context.ingest.setMaxPages(1_000_000);
    assert.equal((await track(collector.url, player.authToken, diskFillingBatch(player, serial++))).status, 200);
    await banner.waitFor({ state: 'detached' });
  });

  test("a backup's size with the decimal comma in Spanish, as before in English", async () => {
    try {
      await i18next.changeLanguage('es');
      assert.equal(formatByteSize(12_900_000), '12,3 MB');
      assert.equal(formatByteSize(417_792), '408 KB');
    } finally {
      await i18next.changeLanguage('en');
    }
    assert.equal(formatByteSize(12_900_000), '12.3 MB');
  });
});

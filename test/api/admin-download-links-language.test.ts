import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';

/**
 * The dashboard's plain download links (Results' CSV, an access file, an export) are followed by the browser, which
 * sends its own Accept-Language, not the teacher's choice; so the dashboard adds `lang=` to them, and a refusal of such
 * a download is worded in `lang` whatever the header says. Without `lang` (scripts, the CLI) the header decides as
 * before; a `lang` that is no language of Aula's is no choice. Real HTTP, a real SQLite file.
 */
describe("the dashboard's download links refused in the language their lang= names", () => {
  const collector = useTestCollector();

  const refused = async (pathname: string, acceptLanguage: string | undefined): Promise<{ status: number; reason: string; message: string }> => {
    const answer = await request(`${collector.current.url}/admin/api${pathname}`, {
      headers: acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage },
    });
    assert.ok(answer.status >= 400, answer.text);
    return { status: answer.status, ...(answer.json as { error: { reason: string; message: string } }).error };
  };

  test("Results' CSV of an activity that is no more: Spanish with lang=es from an English browser, and the other way", async () => {
    const es = await refused('/activities/gone/results.csv?lang=es', 'en-US,en;q=0.9');
    assert.deepEqual(es, { status: 404, reason: 'activity-not-found', message: 'Esa actividad no existe.' });
    const en = await refused('/activities/gone/results.csv?lang=en', 'es-ES,es;q=0.9');
    assert.deepEqual(en, { status: 404, reason: 'activity-not-found', message: 'There is no such activity.' });
  });

  test("a player's and a student's access file, and an export, in the link's language", async () => {
    assert.equal((await refused('/players/nobody/access?lang=es', 'en')).message, 'Ese jugador no existe.');
    assert.equal((await refused('/students/nadie/access?lang=es', 'en')).message, 'No hay ningún alumno "nadie".');
    const exported = await refused('/data/export?since=yesterday&progress=export-1&lang=es', 'en');
    assert.equal(exported.reason, 'invalid-export-options');
    assert.equal(exported.message, '"Guardadas desde" no es una fecha y hora: elige una en su calendario o déjalo vacío.');
  });

  test('without lang, or with one Aula does not speak, Accept-Language decides as before', async () => {
    assert.equal((await refused('/activities/gone/results.csv', 'es')).message, 'Esa actividad no existe.');
    assert.equal((await refused('/activities/gone/results.csv', undefined)).message, 'There is no such activity.');
    assert.equal((await refused('/activities/gone/results.csv?lang=fr', 'es')).message, 'Esa actividad no existe.');
    assert.equal((await refused('/activities/gone/results.csv?lang=', 'en')).message, 'There is no such activity.');
    assert.equal((await refused('/activities/gone/results.csv?lang=ES', 'en')).message, 'Esa actividad no existe.');
  });
});

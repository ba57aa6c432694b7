import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';

/**
 * The Data screen's export options refused in the dashboard's language: for a request asking for es, Spanish naming the
 * screen's fields ("Guardadas desde", "hasta") instead of the CLI's flags; without the header (scripts) or asking for
 * en, the same English as always. The reason and the status never change. Real HTTP, a real SQLite file.
 */
describe("the Data screen's export options refused in the dashboard's language", () => {
  const collector = useTestCollector();

  const refused = async (query: string, language: string | undefined): Promise<{ status: number; reason: string; message: string }> => {
    const answer = await request(`${collector.current.url}/admin/api/data/export/count?${query}`, {
      headers: language === undefined ? {} : { 'Accept-Language': language },
    });
    assert.ok(answer.status >= 400, answer.text);
    return { status: answer.status, ...(answer.json as { error: { reason: string; message: string } }).error };
  };

  /** The English without the header and with en, the Spanish with es; the status and reason the same. */
  const worded = async (query: string): Promise<{ english: string; spanish: string }> => {
    const [plain, en, es] = await Promise.all([refused(query, undefined), refused(query, 'en'), refused(query, 'es-ES,es;q=0.9')]);
    assert.equal(en.message, plain.message);
    for (const answer of [en, es]) {
      assert.equal(answer.status, 400);
      assert.equal(answer.reason, 'invalid-export-options');
    }
    return { english: plain.message, spanish: es.message };
  };

  test('"Stored from" not before "until", as the dashboard sends them, names its two fields, not --until', async () => {
    const { english, spanish } = await worded('since=2026-11-28T10%3A00%3A00.000Z&until=2026-11-27T10%3A00%3A00.000Z');
    assert.equal(
      english,
      'since: 2026-11-28T10:00:00.000Z is not before --until 2026-11-27T10:00:00.000Z: no statement could match (since includes its time, until does not)',
    );
    assert.equal(
      spanish,
      '"Guardadas desde" no es anterior a "hasta": ninguna traza puede coincidir (la hora de "Guardadas desde" se incluye; la de "hasta", no). Cambia una de las dos o deja una vacía.',
    );
  });

  test('a time that is none, a session id that is none, and as-received options in Spanish without a flag', async () => {
    const since = await worded('since=yesterday');
    assert.match(since.english, /^since: "yesterday" is not an ISO 8601 date or time: give a date/);
    assert.equal(since.spanish, '"Guardadas desde" no es una fecha y hora: elige una en su calendario o déjalo vacío.');
    const until = await worded('until=2026-11-27T10%3A00');
    assert.match(until.english, /^until: "2026-11-27T10:00" is not an ISO 8601 date or time/);
    assert.equal(until.spanish, '"hasta" no es una fecha y hora: elige una en su calendario o déjalo vacío.');

    const session = await worded('session=abc');
    assert.match(session.english, /^session: "abc" is not a session id: .*for a player use --player, for an activity --activity$/);
    assert.equal(session.spanish, '"abc" no es un id de sesión: una sesión se indica con su id, un número entero como 12.');

    const csv = await worded('format=csv&asReceived=1');
    assert.equal(csv.english, 'asReceived: only ndjson and json can hold the statements as received, not csv');
    assert.equal(csv.spanish, 'Solo ndjson y json pueden guardar las trazas tal como llegaron, no csv.');
    const pseudonymised = await worded('asReceived=1&pseudonymize=1');
    assert.equal(
      pseudonymised.english,
      'asReceived: cannot be combined with --pseudonymize: the statements as the games sent them name the players; leave out one of the two',
    );
    assert.equal(
      pseudonymised.spanish,
      'Las trazas tal como llegaron no se pueden seudonimizar: tal como las enviaron los juegos, nombran a los jugadores. Quita una de las dos opciones.',
    );
  });

  test("a format that is none reads zod's own Spanish after the parameter's name", async () => {
    const { english, spanish } = await worded('format=xlsx');
    assert.match(english, /^format: Invalid option: expected one of/);
    assert.match(spanish, /^format: Opción inválida: se esperaba una de/);
  });
});

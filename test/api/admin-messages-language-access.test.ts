import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { startTestCollector } from '../support/collector.js';
import { requestFrom } from './teacher-support.js';

/**
 * Who may use the dashboard's API, the settings' switch and the backups answer in the dashboard's language: a phone
 * whose dashboard is in Spanish (it sends Accept-Language: es) reads why it was refused in Spanish; scripts and the
 * CLI, sending no header, read the same English as before. The reason and the status never change.
 */

const lan = lanAddresses()[0];

interface Refusal {
  status: number;
  reason: string;
  message: string;
}

describe('the teacher-key, settings and backup refusals in the language the dashboard asks for', () => {
  let collector: Collector;
  let local: string;

  const refusal = async (from: string | undefined, url: string, language: string | undefined, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Refusal> => {
    const headers = { ...options.headers, ...(language === undefined ? {} : { 'Accept-Language': language }) };
    const answer = await requestFrom(from, url, { ...options, headers });
    assert.ok(answer.status >= 400, `${url} was refused: ${answer.text}`);
    const { error } = answer.json as { error: { reason: string; message: string } };
    return { status: answer.status, ...error };
  };

  /** Without the header, with en and with es: same status and reason; the English as before, and the Spanish. */
  const inEachLanguage = async (
    ask: (language: string | undefined) => Promise<Refusal>,
    english: string,
    spanish: string,
  ): Promise<void> => {
    const plain = await ask(undefined);
    const en = await ask('en');
    const es = await ask('es-ES,es;q=0.9,en;q=0.8');
    assert.equal(plain.message, english, 'without Accept-Language: the English as before');
    assert.equal(en.message, english);
    assert.equal(es.message, spanish);
    for (const answer of [en, es]) {
      assert.equal(answer.status, plain.status);
      assert.equal(answer.reason, plain.reason);
    }
  };

  before(async () => {
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false } });
    local = collector.url;
  });
  after(() => collector?.close());

  test('another device without the key, or with a wrong one', { skip: lan ? false : 'this machine has no LAN address to connect from' }, async () => {
    const from = lan as string;
    const base = `http://${from}:${collector.port}`;
    const page = `${base}/teacher`;
    const how = `On another device, open ${page} and enter the teacher key shown in Settings of the dashboard on the computer running Aula (scripts: send 'Authorization: Bearer <teacher key>').`;
    const como = `En otro dispositivo, abre ${page} y escribe la clave de docente que aparece en Ajustes del panel, en el ordenador donde funciona Aula (scripts: envía 'Authorization: Bearer <clave de docente>').`;
    await inEachLanguage((language) => refusal(from, `${base}/admin/api/overview`, language), `The dashboard is the teacher's. ${how}`, `El panel es del docente. ${como}`);
    await inEachLanguage(
      (language) => refusal(from, `${base}/admin/api/overview`, language, { headers: { Authorization: 'Bearer abcd-efgh-jkmn-pqrs-tuvw-xyz2' } }),
      `That is not the teacher key. ${how}`,
      `Esa no es la clave de docente. ${como}`,
    );
  });

  test('a foreign Host and another web page are refused in each language', async () => {
    await inEachLanguage(
      (language) => refusal(undefined, `${local}/admin/api/overview`, language, { headers: { Host: `attacker.example:${collector.port}` } }),
      "This request reached Aula on this computer under another site's name (its Host header), as a web page that renamed itself to this computer would. On this computer, open the dashboard at http://127.0.0.1 or http://localhost with Aula's port; through a proxy or another name, send the teacher key.",
      'Esta petición llegó a Aula en este ordenador con el nombre de otro sitio (su cabecera Host), como lo haría una página web que se hubiera rebautizado con el nombre de este ordenador. En este ordenador, abre el panel en http://127.0.0.1 o http://localhost con el puerto de Aula; a través de un proxy o con otro nombre, envía la clave de docente.',
    );
    await inEachLanguage(
      (language) => refusal(undefined, `${local}/admin/api/settings/teacher-key`, language, { method: 'POST', headers: { Origin: 'http://evil.example' } }),
      "The dashboard's data can only be changed from the dashboard itself, not from another web page.",
      'Los datos del panel solo se pueden cambiar desde el propio panel, no desde otra página web.',
    );
  });

  test("the network switch's body, and a backup not there or not named as one", async () => {
    await inEachLanguage(
      (language) =>
        refusal(undefined, `${local}/admin/api/settings/mdns`, language, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ enabled: 'yes' }),
        }),
      'Send {"enabled": true} or {"enabled": false}.',
      'Envía {"enabled": true} o {"enabled": false}.',
    );
    const folder = path.join(collector.config.dataDir, 'backups');
    const missing = 'aula-2026-01-01T00-00-00.sqlite';
    await inEachLanguage(
      (language) => refusal(undefined, `${local}/admin/api/backups/${missing}`, language, { method: 'DELETE' }),
      `There is no backup ${missing} in ${folder}. See: aula backup list`,
      `No hay ninguna copia de seguridad ${missing} en ${folder}. Consulta: aula backup list`,
    );
    await inEachLanguage(
      (language) => refusal(undefined, `${local}/admin/api/backups/notes.txt`, language, { method: 'DELETE' }),
      `"notes.txt" is not the name of a backup in ${folder}: give a name as aula backup list shows it (aula-….sqlite), without a folder.`,
      `"notes.txt" no es el nombre de una copia de seguridad de ${folder}: escribe el nombre tal como lo muestra aula backup list (aula-….sqlite), sin carpeta.`,
    );
  });
});

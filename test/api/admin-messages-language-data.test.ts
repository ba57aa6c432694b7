import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import yazl from 'yazl';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { claimUploadLock } from '../../server/upload/upload-lock.js';
import { startTestCollector } from '../support/collector.js';
import { request, type TextResponse } from '../support/http.js';
import { type LrsRequest, type LrsSend, type ScriptedLrs, startScriptedLrs } from '../support/scripted-lrs.js';
import { tempDir } from '../support/temp-dir.js';
import { seedClassroom } from './export-support.js';

/**
 * The Data screen's upload speaks the dashboard's language: the connection test's answer, a refused endpoint, key or
 * secret, why an upload waits, why it stopped, and an upload another one holds the lock of read in Spanish for a
 * request asking for es, word for word the English as before without the header (the CLI, scripts); what the LRS or
 * the network said is quoted as it came. Real HTTP, a real SQLite file, a stand-in LRS answering as scripted.
 */

/** A zip holding the given files, as bytes. */
async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface UploadJobView {
  state: 'running' | 'done' | 'failed';
  error: string | null;
  retry: { problem: string; attempt: number } | null;
}

describe("the Data screen's upload and connection test in the dashboard's language", () => {
  let collector: Collector;
  let lrs: ScriptedLrs;
  /** What the stand-in LRS does with a request other than /xapi/about; each test sets it. */
  let handle: (request: LrsRequest, send: LrsSend) => void = (_request, send) => send(404);
  const api = (path: string) => `${collector.url}/admin/api/data${path}`;

  const post = (path: string, json: unknown, language?: string): Promise<TextResponse> =>
    request(api(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(language === undefined ? {} : { 'Accept-Language': language }) },
      body: JSON.stringify(json),
    });

  /** The connection test's answer without the header, with en and with es: ok and status unchanged, the message worded. */
  const tested = async (json: unknown): Promise<{ english: string; en: string; spanish: string }> => {
    const [plain, en, es] = await Promise.all([post('/upload/test', json), post('/upload/test', json, 'en'), post('/upload/test', json, 'es-ES,es;q=0.9')]);
    const bodies = [plain, en, es].map((answer) => {
      assert.equal(answer.status, 200, answer.text);
      return answer.json as { ok: boolean; status: number | null; message: string };
    });
    const [first, second, third] = bodies as [(typeof bodies)[0], (typeof bodies)[0], (typeof bodies)[0]];
    for (const other of [second, third]) {
      assert.equal(other.ok, first.ok);
      assert.equal(other.status, first.status);
    }
    return { english: first.message, en: second.message, spanish: third.message };
  };

  const status = async (language?: string): Promise<UploadJobView> => {
    const answer = await request(api('/upload/status'), { headers: language === undefined ? {} : { 'Accept-Language': language } });
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as { job: UploadJobView }).job;
  };

  const until = async (done: (job: UploadJobView) => boolean): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (!done(await status())) {
      if (Date.now() > deadline) assert.fail(`the upload did not get there: ${JSON.stringify(await status())}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const upload = async (json: Record<string, unknown> = {}): Promise<void> => {
    const answer = await post('/upload', { endpoint: lrs.endpoint, username: 'key', password: 'secret', ...json });
    assert.equal(answer.status, 202, answer.text);
  };

  before(async () => {
    collector = await startTestCollector();
    await seedClassroom(collector);
    lrs = await startScriptedLrs((lrsRequest, send) => handle(lrsRequest, send));
  });
  after(async () => {
    await collector?.close();
    await lrs?.close();
  });

  test('the connection test: connected, not the xAPI endpoint, a redirect, an LRS that cannot be reached', async () => {
    const connected = await tested({ endpoint: lrs.endpoint, username: 'key', password: 'secret' });
    assert.equal(connected.english, 'Connected (xAPI 1.0.3).');
    assert.equal(connected.en, connected.english);
    assert.equal(connected.spanish, 'Conectado (xAPI 1.0.3).');

    const other = lrs.endpoint.replace(/\/xapi$/, '/other');
    const notXapi = await tested({ endpoint: other, username: 'key', password: 'secret' });
    assert.equal(notXapi.english, `${other}/about answered 404: is this the xAPI endpoint?`);
    assert.equal(notXapi.spanish, `${other}/about respondió 404: ¿es este el endpoint xAPI?`);

    handle = (_request, send) => send(301, '', { Location: 'https://lrs.example.org/xapi/about' });
    const moved = await tested({ endpoint: other, username: 'key', password: 'secret' });
    assert.equal(
      moved.english,
      `${other} redirects to https://lrs.example.org/xapi: give that address as the endpoint (an upload cannot follow a redirect: the key, the secret and the statements would not go along).`,
    );
    assert.equal(
      moved.spanish,
      `${other} redirige a https://lrs.example.org/xapi: escribe esa dirección como endpoint (una subida no puede seguir una redirección: la clave, el secreto y las trazas no irían con ella).`,
    );

    const closed = 'http://127.0.0.1:9/xapi';
    const unreachable = await tested({ endpoint: closed, username: 'key', password: 'secret' });
    const cause = unreachable.english.replace(`Cannot reach ${closed}: `, '');
    assert.notEqual(cause, unreachable.english, unreachable.english);
    assert.equal(unreachable.en, unreachable.english);
    assert.equal(unreachable.spanish, `No se puede contactar con ${closed}: ${cause}`, "the network's own words quoted as they came");
  });

  test('an endpoint without its key or secret, or with another key typed into it, is refused in each language', async () => {
    const cases: Array<{ json: unknown; english: string; spanish: string }> = [
      { json: { endpoint: lrs.endpoint, password: 'secret' }, english: 'The LRS key is needed: the Key field.', spanish: 'Falta la clave del LRS: el campo Clave.' },
      { json: { endpoint: lrs.endpoint, username: 'key' }, english: 'The LRS secret is needed: the Secret field.', spanish: 'Falta el secreto del LRS: el campo Secreto.' },
      {
        json: { endpoint: lrs.endpoint.replace('http://', 'http://other:secret@'), username: 'key', password: 'secret' },
        english: 'The key in the endpoint URL differs from the Key field: give it once, with the Key field.',
        spanish: 'La clave de la URL del endpoint no coincide con el campo Clave: escríbela una sola vez, en el campo Clave.',
      },
    ];
    for (const { json, english, spanish } of cases) {
      for (const path of ['/upload/test', '/upload']) {
        const [plain, en, es] = await Promise.all([post(path, json), post(path, json, 'en'), post(path, json, 'es')]);
        for (const answer of [plain, en, es]) {
          assert.equal(answer.status, 400, answer.text);
          assert.equal((answer.json as { error: { reason: string } }).error.reason, 'invalid-request');
        }
        assert.equal((plain.json as { error: { message: string } }).error.message, english, `${path}: the English as before`);
        assert.equal((en.json as { error: { message: string } }).error.message, english);
        assert.equal((es.json as { error: { message: string } }).error.message, spanish, `${path} in Spanish`);
      }
    }
  });

  test('an upload the LRS stops (its key refused) says why in the language of each status request', async () => {
    handle = (_request, send) => send(401, { message: 'bad key' });
    await upload();
    await until((job) => job.state !== 'running');
    assert.equal((await status()).state, 'failed');
    assert.equal((await status()).error, 'The LRS refused the credentials (401). Check the key and secret.');
    assert.equal((await status('en')).error, 'The LRS refused the credentials (401). Check the key and secret.');
    assert.equal((await status('es')).error, 'El LRS rechazó las credenciales (401). Revisa la clave y el secreto.');
  });

  test('an upload waiting for a busy LRS says why in the language of each status request', async () => {
    let posts = 0;
    handle = (lrsRequest, send) => {
      if (lrsRequest.method !== 'POST') return send(404);
      if (++posts === 1) return send(503, '<html><body>Service Temporarily Unavailable</body></html>', { 'Retry-After': '2' });
      send(
        200,
        lrsRequest.statements().map((statement) => statement.id),
      );
    };
    await upload();
    await until((job) => job.retry !== null);
    assert.equal((await status()).retry?.problem, 'the LRS answered 503', 'without the header: the English as before');
    assert.equal((await status('en')).retry?.problem, 'the LRS answered 503');
    assert.equal((await status('es')).retry?.problem, 'el LRS respondió 503');
    await until((job) => job.state !== 'running');
    assert.equal((await status()).state, 'done');
  });

  test('an upload whose pseudonymisation differs from the earlier ones to the same LRS', async () => {
    handle = (lrsRequest, send) => {
      if (lrsRequest.method !== 'POST') return send(404);
      send(
        200,
        lrsRequest.statements().map((statement) => statement.id),
      );
    };
    await upload({ pseudonymize: true });
    await until((job) => job.state !== 'running');
    const english = (await status()).error;
    assert.match(
      english ?? '',
      /^Nothing sent\. \d+ statements went to this LRS \(key "key"\) with usernames and playerIds \(without --pseudonymize\); sending the rest pseudonymised would give each student a second identity there\. Make the same choice as before, or upload to another LRS store \(another key\)\.$/,
    );
    const sent = /Nothing sent\. (\d+) /.exec(english ?? '')?.[1];
    assert.equal(
      (await status('es')).error,
      `No se ha enviado nada. ${sent} trazas fueron a este LRS (clave "key") con usuarios y playerIds (sin --pseudonymize); enviar el resto seudonimizado daría a cada alumno una segunda identidad allí. Elige lo mismo que antes, o sube a otro almacén del LRS (otra clave).`,
    );
  });

  test('an upload refused while `aula upload` holds the lock, in each language', async () => {
    const lock = claimUploadLock(collector.context.db);
    try {
      const json = { endpoint: lrs.endpoint, username: 'key', password: 'secret' };
      const [plain, es] = await Promise.all([post('/upload', json), post('/upload', json, 'es')]);
      for (const answer of [plain, es]) {
        assert.equal(answer.status, 409, answer.text);
        assert.equal((answer.json as { error: { reason: string } }).error.reason, 'upload-running');
      }
      assert.equal(
        (plain.json as { error: { message: string } }).error.message,
        'Another upload from this data folder is running (aula upload, or Data → Upload in the dashboard). Wait for its summary, then run it again: it sends what is still pending.',
      );
      assert.equal(
        (es.json as { error: { message: string } }).error.message,
        'Ya hay otra subida en marcha desde esta carpeta de datos (aula upload, o Datos → Subir en el panel). Espera a su resumen y vuelve a subir: se enviará lo que siga pendiente.',
      );
    } finally {
      lock.release();
    }
  });

  test("a bundle the import refuses says why in each language; the reason and status don't change", async () => {
    const cases: Array<{ files: Record<string, string>; reason: string; english: string; spanish: string }> = [
      {
        files: { 'notes.txt': 'not a bundle' },
        reason: 'not-a-bundle',
        english: 'This zip has no manifest.json: it is not an Aula bundle.',
        spanish: 'Este zip no tiene manifest.json: no es un paquete de Aula.',
      },
      {
        files: { 'manifest.json': '{"format":"aula-bundle/999"}' },
        reason: 'bundle-too-new',
        english: 'This bundle was made by a newer Aula (bundle format aula-bundle/999; this Aula reads aula-bundle/1). Update Aula on this computer, then import again.',
        spanish:
          'Este paquete lo creó un Aula más reciente (formato de paquete aula-bundle/999; este Aula lee aula-bundle/1). Actualiza Aula en este ordenador y vuelve a importarlo.',
      },
      {
        files: { 'manifest.json': '{"format":' },
        reason: 'bundle-invalid',
        english: 'manifest.json is not valid JSON.',
        spanish: 'manifest.json no es JSON válido.',
      },
    ];
    for (const { files, reason, english, spanish } of cases) {
      const body = await zipOf(files);
      const answers: Array<{ status: number; error: { reason: string; message: string } }> = [];
      // One at a time: one import runs at a time.
      for (const language of [undefined, 'en', 'es']) {
        const answer = await request(api('/import'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/zip', ...(language === undefined ? {} : { 'Accept-Language': language }) },
          body: new Uint8Array(body),
        });
        answers.push({ status: answer.status, error: (answer.json as { error: { reason: string; message: string } }).error });
      }
      const [plain, en, es] = answers as [(typeof answers)[0], (typeof answers)[0], (typeof answers)[0]];
      for (const answer of answers) {
        assert.equal(answer.status, 422, JSON.stringify(answer));
        assert.equal(answer.error.reason, reason);
      }
      assert.equal(plain.error.message, english, 'without Accept-Language: the English as before');
      assert.equal(en.error.message, english);
      assert.equal(es.error.message, spanish);
    }
  });

  test("the import's notes, row by row, in the language of the request that sent the bundle", async () => {
    // Another laptop's bundle: its games have the titles of the games here, so each is merged with the one here.
    const other = await startTestCollector();
    const bundle = path.join(tempDir('aula-bundle-'), 'other-laptop.zip');
    try {
      await seedClassroom(other);
      await exportToFile(other.config.dataDir, other.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
    } finally {
      await other.close();
    }
    const body = new Uint8Array(fs.readFileSync(bundle));
    const importIn = async (language: string | undefined) => {
      const answer = await request(api('/import'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/zip', ...(language === undefined ? {} : { 'Accept-Language': language }) },
        body,
      });
      assert.equal(answer.status, 200, answer.text);
      const { notes } = (answer.json as { report: { notes: Array<{ kind: string; type: string; message: string }> } }).report;
      return notes.filter((note) => note.kind === 'games').map((note) => `${note.type}: ${note.message}`);
    };
    assert.deepEqual((await importIn(undefined)).sort(), ['matched: merged with the game "Number Quest" here', 'matched: merged with the game "Time Travel" here']);
    assert.deepEqual((await importIn('es')).sort(), ['matched: unido al juego "Number Quest" de aquí', 'matched: unido al juego "Time Travel" de aquí']);
    assert.deepEqual((await importIn('en')).sort(), ['matched: merged with the game "Number Quest" here', 'matched: merged with the game "Time Travel" here']);
  });

  test('an export or upload filter naming nothing here is refused in each language', async () => {
    const asked = async (language: string | undefined, path: string, json?: unknown) => {
      const headers: Record<string, string> = language === undefined ? {} : { 'Accept-Language': language };
      const answer = json === undefined ? await request(api(path), { headers }) : await post(path, json, language);
      assert.equal(answer.status, 404, answer.text);
      const { error } = answer.json as { error: { reason: string; message: string } };
      assert.equal(error.reason, 'unknown-filter-value');
      return error.message;
    };
    const cases: Array<{ path: string; json?: unknown; english: string; spanish: string }> = [
      {
        path: '/export/count?activity=no-such-activity-here',
        english: 'No activity with tracking code "no-such-activity-here"',
        spanish: 'No hay ninguna actividad con el código de seguimiento "no-such-activity-here"',
      },
      { path: '/export/count?class=9Z', english: 'No class named "9Z"', spanish: 'No hay ninguna clase llamada "9Z"' },
      {
        path: '/export/count?player=nobody',
        english: 'No player with id "nobody" (nor an xAPI player with that e-mail address or account name)',
        spanish: 'No hay ningún jugador con el id "nobody" (ni un jugador xAPI con esa dirección de correo o nombre de cuenta)',
      },
      {
        path: '/upload',
        json: { endpoint: lrs.endpoint, username: 'key', password: 'secret', activity: 'no-such-activity-here' },
        english: 'No activity with tracking code "no-such-activity-here"',
        spanish: 'No hay ninguna actividad con el código de seguimiento "no-such-activity-here"',
      },
    ];
    for (const { path: asking, json, english, spanish } of cases) {
      assert.equal(await asked(undefined, asking, json), english, `${asking}: the English as before`);
      assert.equal(await asked('en', asking, json), english);
      assert.equal(await asked('es', asking, json), spanish, `${asking} in Spanish`);
    }
  });
});

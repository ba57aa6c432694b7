import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

// What Excel's "CSV" writes on a Spanish Windows: Windows-1252 bytes (ñ is 0xF1, ú 0xFA, € 0x80), not UTF-8.
const ansi = (text: string) => Buffer.from([...text].map((c) => (c === '€' ? 0x80 : (c.codePointAt(0) as number))));

test('a roster saved by Excel on a Spanish Windows (Windows-1252) is read as such by aula student import: its passwords log in, its names read right', async () => {
  const dataDir = tempDir();
  const aula = (...args: string[]) => runAula([...args, '--data-dir', dataDir]);
  assert.equal((await aula('class', 'create', '--name', 'Lengua 2º ESO')).code, 0);

  const ansiFile = path.join(dataDir, 'ansi-pw.csv');
  fs.writeFileSync(ansiFile, ansi('usuario;contraseña;nombre\nluis;piña-77;Luis\njulia;Río-€-42;Julia Muñoz\n'));
  const imported = await aula('student', 'import', ansiFile, '--class', 'Lengua 2º ESO');
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Imported 2 students into class Lengua 2º ESO \(the file is not UTF-8: read as Windows-1252/);
  assert.match(imported.stdout, /julia {2}Julia Muñoz/);

  // A UTF-8 file (here with the BOM Excel's "CSV UTF-8" writes) is read as before, and says nothing of encodings.
  const utf8File = path.join(dataDir, 'utf8.csv');
  fs.writeFileSync(utf8File, `\uFEFFusuario;contraseña;nombre\nnuria;añil-88;Nuria Peña\n`, 'utf8');
  const utf8 = await aula('student', 'import', utf8File, '--class', 'Lengua 2º ESO');
  assert.equal(utf8.code, 0, utf8.stderr);
  assert.doesNotMatch(utf8.stdout, /Windows-1252/);

  const listed = JSON.parse((await aula('student', 'list', '--json')).stdout) as Array<{ username: string; name: string | null }>;
  assert.deepEqual(
    listed.map((s) => [s.username, s.name]),
    [
      ['julia', 'Julia Muñoz'],
      ['luis', 'Luis'],
      ['nuria', 'Nuria Peña'],
    ],
  );

  const collector = await startTestCollector({ dataDir });
  try {
    const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });
    assert.equal((await login('luis', 'piña-77')).status, 200, 'the password typed with ñ logs in');
    assert.equal((await login('julia', 'Río-€-42')).status, 200, 'a € (0x80, where Windows-1252 differs from Latin-1) too');
    assert.equal((await login('nuria', 'añil-88')).status, 200);
  } finally {
    await collector.close();
  }
});

test("the dashboard's roster import reads the file's bytes the same way, and says when it read them as Windows-1252", async () => {
  const collector = await startTestCollector();
  try {
    const api = (pathname: string) => `${collector.url}/admin/api${pathname}`;
    const created = await postJson(api('/classes'), { name: 'Lengua 2º ESO' });
    const classId = (created.json as { class: { id: string } }).class.id;
    const upload = (body: Buffer) => request(api(`/classes/${classId}/students/import`), { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: new Uint8Array(body) });

    const fromAnsi = await upload(ansi('luis;piña-77;Luis\njulia;Río-€-42;Julia Muñoz\n'));
    assert.equal(fromAnsi.status, 201, fromAnsi.text);
    const body = fromAnsi.json as { imported: number; encoding: string; students: Array<{ username: string; name: string | null }> };
    assert.equal(body.encoding, 'windows-1252');
    assert.deepEqual(
      body.students.map((s) => [s.username, s.name]),
      [
        ['julia', 'Julia Muñoz'],
        ['luis', 'Luis'],
      ],
    );

    const fromUtf8 = await upload(Buffer.from('\uFEFFnuria;añil-88;Nuria Peña\n', 'utf8'));
    assert.equal(fromUtf8.status, 201, fromUtf8.text);
    assert.equal((fromUtf8.json as { encoding: string }).encoding, 'utf-8');

    const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });
    assert.equal((await login('luis', 'piña-77')).status, 200);
    assert.equal((await login('julia', 'Río-€-42')).status, 200);
    assert.equal((await login('nuria', 'añil-88')).status, 200);
  } finally {
    await collector.close();
  }
});

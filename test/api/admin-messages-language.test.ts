import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { type StartAnswer, start, statementS, track } from '../support/rage.js';

/**
 * The admin API words what it tells the teacher in the dashboard's language: Spanish for a request whose
 * Accept-Language prefers es (the dashboard sends the teacher's choice), the same English as always for one without
 * the header (the CLI, scripts) or asking for English. The reason, the status and the shape never change.
 */

interface Refusal {
  status: number;
  reason: string;
  message: string;
  problems?: Array<{ line: number | null; message: string }>;
  activities?: unknown[];
}

interface Ask {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  json?: unknown;
  csv?: string;
  raw?: string;
  /** An empty body sent as a bundle. */
  zip?: boolean;
}

const PASSWORD = 'Lemon-Tree-4417';
const OTHER_PASSWORD = 'Blue-Kite-2290';

describe('the admin API words its messages in the language the dashboard asks for', () => {
  let collector: Collector;
  const api = (path: string) => `${collector.url}/admin/api${path}`;

  const send = (ask: Ask, language: string | undefined): Promise<TextResponse> => {
    const headers: Record<string, string> = language === undefined ? {} : { 'Accept-Language': language };
    if (ask.zip) headers['Content-Type'] = 'application/zip';
    else if (ask.csv !== undefined) headers['Content-Type'] = 'text/csv';
    else if (ask.json !== undefined || ask.raw !== undefined) headers['Content-Type'] = 'application/json';
    const body = ask.csv ?? ask.raw ?? (ask.json === undefined ? undefined : JSON.stringify(ask.json));
    return request(api(ask.path), { method: ask.method, headers, ...(body === undefined ? {} : { body }) });
  };

  const refusal = async (ask: Ask, language: string | undefined): Promise<Refusal> => {
    const answer = await send(ask, language);
    assert.ok(answer.status >= 400, `${ask.method} ${ask.path} was refused: ${answer.text}`);
    const error = (answer.json as { error: Omit<Refusal, 'status'> }).error;
    return { status: answer.status, ...error };
  };

  /** Asked without the header, in English and in Spanish: the same status and reason, the message in each language. */
  const inEachLanguage = async (ask: Ask, english: string, spanish: string): Promise<{ english: Refusal; spanish: Refusal }> => {
    const plain = await refusal(ask, undefined);
    const en = await refusal(ask, 'en');
    const es = await refusal(ask, 'es');
    assert.equal(plain.message, english, 'without Accept-Language: the English as before');
    assert.equal(en.message, english, 'Accept-Language: en reads the same English');
    assert.equal(es.message, spanish, 'Accept-Language: es reads Spanish');
    for (const answer of [en, es]) {
      assert.equal(answer.status, plain.status);
      assert.equal(answer.reason, plain.reason, 'the reason never changes with the language');
    }
    return { english: plain, spanish: es };
  };

  const created = async (path: string, json: unknown): Promise<Record<string, unknown>> => {
    const answer = await postJson(api(path), json);
    assert.equal(answer.status, 201, answer.text);
    return answer.json as Record<string, unknown>;
  };

  let classId: string;
  let benId: string;
  /** An activity of class 3B that ben has played (set by the test that makes him play). */
  let played: { id: string; trackingCode: string };

  before(async () => {
    collector = await startTestCollector();
    classId = ((await created('/classes', { name: '3B' })).class as { id: string }).id;
    benId = ((await created(`/classes/${classId}/students`, { username: 'ben', password: PASSWORD })).student as { id: string }).id;
  });
  after(() => collector?.close());

  test('a class name already taken, an empty one, a class that is not there', async () => {
    const taken = await inEachLanguage(
      { method: 'POST', path: '/classes', json: { name: '3b' } },
      'A class named "3B" already exists (class names are compared without regard to case).',
      'Ya existe una clase llamada "3B" (en los nombres de clase no cuentan las mayúsculas).',
    );
    assert.equal(taken.spanish.reason, 'class-exists');
    assert.equal(taken.spanish.status, 409);
    const empty = await inEachLanguage({ method: 'POST', path: '/classes', json: { name: '   ' } }, 'name: Give the class a name', 'name: Ponle un nombre a la clase');
    assert.equal(empty.spanish.reason, 'invalid-request');
    // zod's own wording, through its Spanish locale; the field's name stays as sent.
    const long = await refusal({ method: 'POST', path: '/classes', json: { name: 'x'.repeat(121) } }, 'es');
    assert.match(long.message, /^name: Demasiado grande/);
    const missing = await inEachLanguage({ method: 'GET', path: '/classes/no-such-class/students' }, 'There is no such class.', 'Esa clase no existe.');
    assert.equal(missing.spanish.reason, 'class-not-found');
    // What a teacher typed is shown as typed, never read as wording.
    const typed = (await created('/classes', { name: '{{name}} $t(class.notFound)' })).class as { id: string };
    await inEachLanguage(
      { method: 'POST', path: `/classes/${typed.id}/rename`, json: { name: '3B' } },
      'A class named "3B" already exists (class names are compared without regard to case).',
      'Ya existe una clase llamada "3B" (en los nombres de clase no cuentan las mayúsculas).',
    );
    await inEachLanguage(
      { method: 'POST', path: '/classes', json: { name: '{{name}} $t(class.notFound)' } },
      'A class named "{{name}} $t(class.notFound)" already exists (class names are compared without regard to case).',
      'Ya existe una clase llamada "{{name}} $t(class.notFound)" (en los nombres de clase no cuentan las mayúsculas).',
    );
  });

  test('a student already there, a username or password against the rules, a password reset refused', async () => {
    const exists = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students`, json: { username: 'Ben', password: OTHER_PASSWORD } },
      'A student "ben" already exists (usernames are unique across all classes). To put that account in class 3B too, use Add an existing student below.',
      'Ya existe un alumno "ben" (cada usuario es único en todas las clases). Para poner esa cuenta también en la clase 3B, usa Añadir un alumno que ya tiene cuenta, más abajo.',
    );
    assert.equal(exists.spanish.reason, 'student-exists');
    const invalid = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students`, json: { username: 'Ana María', password: 'pa"ss' } },
      'The username "ana maría" may only hold letters a-z, digits and . _ - (no spaces or accents); the password contains " or \\ or a control character (student "ana maría").',
      'El usuario "ana maría" solo puede tener letras a-z, cifras y . _ - (sin espacios ni tildes); la contraseña contiene " o \\ o un carácter de control (alumno "ana maría").',
    );
    assert.equal(invalid.spanish.reason, 'invalid-student');
    await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students`, json: { username: '', password: '' } },
      'The username is empty; the password is empty (student "").',
      'El usuario está vacío; la contraseña está vacía (alumno "").',
    );
    const password = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students/${benId}/password`, json: { password: ' Lemon-Tree ' } },
      'The password starts or ends with a space.',
      'La contraseña empieza o termina con un espacio.',
    );
    assert.equal(password.spanish.reason, 'invalid-password');
    await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students/${benId}/password`, json: { password: 'x'.repeat(201) } },
      'The password is longer than 200 characters.',
      'La contraseña tiene más de 200 caracteres.',
    );
  });

  test('adding an existing student: none such, already in the class, no username; taking out one not in the class', async () => {
    await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/members`, json: { username: 'nadie' } },
      'There is no student "nadie". Check the spelling, or add a new account with a password.',
      'No hay ningún alumno "nadie". Revisa cómo se escribe, o añade una cuenta nueva con contraseña.',
    );
    const member = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/members`, json: { username: 'ben' } },
      'ben is already in class 3B (as student). To change the role, remove ben from the class first, then add again.',
      'ben ya está en la clase 3B (como alumno). Para cambiar el rol, quita primero a ben de la clase y vuelve a añadirlo.',
    );
    assert.equal(member.spanish.reason, 'already-in-class');
    await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/members`, json: { username: ' ' } },
      'username: Give the username of an existing student',
      'username: Escribe el usuario de un alumno que ya exista',
    );
    const notIn = await inEachLanguage(
      { method: 'DELETE', path: `/classes/${classId}/students/no-such-student` },
      'That student is not in class 3B (any more).',
      'Ese alumno ya no está en la clase 3B.',
    );
    assert.equal(notIn.spanish.reason, 'student-not-in-class');
  });

  test("a roster's summary and every problem by line; a file with no students; one not sent as CSV", async () => {
    const csv = 'usuario;contraseña\nben;Red-Door-6120\n;Paper-Moon-5531\ncarla\ndiego;Stone-Bridge-0764;Diego;extra\ncarla;Green-Lamp-3348\n';
    const roster = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students/import`, csv },
      'Nothing was imported: 4 problems to fix in the file.',
      'No se ha importado nada: hay 4 problemas que corregir en el archivo.',
    );
    assert.equal(roster.spanish.reason, 'invalid-roster');
    assert.deepEqual(roster.english.problems, [
      { line: 2, message: 'a student "ben" already exists' },
      { line: 3, message: 'the username is missing' },
      { line: 4, message: 'the password of "carla" is missing' },
      { line: 5, message: 'expected username,password[,name] but found 4 columns' },
    ]);
    assert.deepEqual(roster.spanish.problems, [
      { line: 2, message: 'ya existe un alumno "ben"' },
      { line: 3, message: 'falta el usuario' },
      { line: 4, message: 'falta la contraseña de "carla"' },
      { line: 5, message: 'se esperaba usuario,contraseña[,nombre] pero hay 4 columnas' },
    ]);
    const twice = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students/import`, csv: 'eva,Quiet-River-8812\neva,Paper-Moon-5531\n' },
      'Nothing was imported: 1 problem to fix in the file.',
      'No se ha importado nada: hay 1 problema que corregir en el archivo.',
    );
    assert.deepEqual(twice.spanish.problems, [{ line: 2, message: 'el usuario "eva" aparece dos veces (la primera en la línea 1)' }]);
    assert.deepEqual(twice.english.problems, [{ line: 2, message: 'the username "eva" appears twice (first on line 1)' }]);
    const empty = await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students/import`, csv: '\n\n' },
      'The file holds no students: one per line, username,password[,name].',
      'El archivo no tiene alumnos: uno por línea, usuario,contraseña[,nombre].',
    );
    assert.equal(empty.spanish.reason, 'empty-roster');
    await inEachLanguage(
      { method: 'POST', path: `/classes/${classId}/students/import`, json: { csv: 'a,b' } },
      'Send the roster as CSV text (Content-Type: text/csv).',
      'Envía la lista de clase como texto CSV (Content-Type: text/csv).',
    );
    // Nothing was imported in any language.
    const students = (await request(api(`/classes/${classId}/students`))).json as { students: Array<{ username: string }> };
    assert.deepEqual(
      students.students.map((student) => student.username),
      ['ben'],
    );
  });

  test('a class activities are linked to, and an account whose data is not erased, are not deleted', async () => {
    const linked = (await created('/classes', { name: '4A' })).class as { id: string };
    await created('/activities', { name: 'Fracciones', classId: linked.id, allowAnonymous: false });
    const inUse = await inEachLanguage(
      { method: 'DELETE', path: `/classes/${linked.id}` },
      'Class 4A is not deleted: activity "Fracciones" is linked to it. An activity with traces is not deleted (they are research data): give them another class or none first (Activities screen, Change; or aula activity edit CODE --class NAME or --no-class), delete the ones no game has played, or rename the class instead.',
      'La clase 4A no se ha eliminado: la actividad "Fracciones" está vinculada a ella. Una actividad con trazas no se elimina (son datos de investigación): primero asígnale otra clase o ninguna (pantalla Actividades, Cambiar; o aula activity edit CODE --class NAME o --no-class), elimina las que ningún juego ha jugado, o cambia el nombre de la clase.',
    );
    assert.equal(inUse.spanish.reason, 'class-in-use');
    assert.deepEqual(inUse.spanish.activities, inUse.english.activities, 'the linked activities are listed in either language');

    // ben plays once: his account keeps his data until it is erased.
    const activity = (await created('/activities', { name: 'Only 3B', classId, allowAnonymous: false })).activity as { id: string; trackingCode: string };
    played = activity;
    const token = ((await postJson(`${collector.url}/api/login`, { username: 'ben', password: PASSWORD })).json as { user: { token: string } }).user.token;
    const started = await start(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(started.status, 200, started.text);
    const session = started.json as StartAnswer;
    assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
    const hasData = await inEachLanguage(
      { method: 'DELETE', path: '/students/ben' },
      "Nothing deleted: ben still has data in Aula (1 session). Erase it first (aula player erase ben --yes), then delete the account. In the dashboard, the player's page erases it.",
      'No se ha eliminado nada: ben aún tiene datos en Aula (1 sesión). Bórralos primero (aula player erase ben --yes) y luego elimina la cuenta. En el panel, la página del jugador los borra.',
    );
    assert.equal(hasData.spanish.reason, 'student-has-data');
    await inEachLanguage(
      { method: 'DELETE', path: '/students/nadie' },
      'No student "nadie". See: aula student list',
      'No hay ningún alumno "nadie". Consulta: aula student list',
    );
  });

  test("an activity's refusals: none such, an unknown class, no name, one with data not deleted; an erasure refused", async () => {
    await inEachLanguage(
      { method: 'DELETE', path: '/activities/no-such-activity' },
      'There is no such activity (it may have been deleted).',
      'Esa actividad no existe (puede que se haya eliminado).',
    );
    await inEachLanguage(
      { method: 'POST', path: '/activities', json: { name: 'Historia', classId: 'no-such-class' } },
      'That class does not exist.',
      'Esa clase no existe.',
    );
    await inEachLanguage({ method: 'POST', path: '/activities', json: { name: ' ' } }, 'name: Give the activity a name', 'name: Ponle un nombre a la actividad');
    await inEachLanguage(
      { method: 'PATCH', path: `/activities/${played.id}`, json: {} },
      'Say what to change: name, classId or allowAnonymous.',
      'Di qué cambiar: name, classId o allowAnonymous.',
    );
    const hasData = await inEachLanguage(
      { method: 'DELETE', path: `/activities/${played.id}` },
      "Activity Only 3B is not deleted: it has 1 session and 1 statement. Activities with data are not deleted (their traces are research data); close it instead, or rename it. At the end of a study, erase its data first (aula activity erase CODE, or Activities → Change → Erase this activity's data…), then delete it.",
      'La actividad Only 3B no se ha eliminado: tiene 1 sesión y 1 traza. Las actividades con datos no se eliminan (sus trazas son datos de investigación); ciérrala o cámbiale el nombre. Al final de un estudio, borra primero sus datos (aula activity erase CODE, o Actividades → Cambiar → Borrar los datos de esta actividad…) y luego elimínala.',
    );
    assert.equal(hasData.spanish.reason, 'activity-has-data');

    const erase = `/activities/${played.id}/erase`;
    const code = played.trackingCode;
    await inEachLanguage(
      { method: 'POST', path: erase, json: { trackingCode: code } },
      'confirm: confirm must be true: an erasure cannot be undone',
      'confirm: confirm debe ser true: un borrado no se puede deshacer',
    );
    const mismatch = await inEachLanguage(
      { method: 'POST', path: erase, json: { trackingCode: 'nope', confirm: true } },
      `Type the activity's tracking code, ${code}, to confirm. Nothing erased.`,
      `Escribe el código de seguimiento de la actividad, ${code}, para confirmar. No se ha borrado nada.`,
    );
    assert.equal(mismatch.spanish.reason, 'confirmation-mismatch');
    const playing = await inEachLanguage(
      { method: 'POST', path: erase, json: { trackingCode: code, confirm: true } },
      `Nothing erased: 1 game is still playing in Only 3B (${code}): sent something in the last 5 minutes. Close the activity (aula activity close ${code}), let the students leave the game, and try again in 5 minutes.`,
      `No se ha borrado nada: 1 juego sigue jugando en Only 3B (${code}): ha enviado algo en los últimos 5 minutos. Cierra la actividad (aula activity close ${code}), deja que los alumnos salgan del juego y vuelve a intentarlo dentro de 5 minutos.`,
    );
    assert.equal(playing.spanish.reason, 'games-playing');

    // The erasure's preview says what the backups still hold, in the dashboard's language.
    const note = async (language: string | undefined) => {
      const answer = await send({ method: 'GET', path: erase }, language);
      assert.equal(answer.status, 200, answer.text);
      return (answer.json as { backups: { count: number; message: string } }).backups;
    };
    const english = 'Backups made before the erasure still hold the data: delete those no longer needed (Settings → Backups, or aula backup list and aula backup delete NAME).';
    assert.equal((await note(undefined)).message, english);
    assert.equal((await note('en')).message, english);
    assert.equal(
      (await note('es')).message,
      'Las copias de seguridad hechas antes del borrado aún contienen los datos: elimina las que ya no necesites (Ajustes → Copias de seguridad, o aula backup list y aula backup delete NAME).',
    );

    await inEachLanguage({ method: 'GET', path: '/erasures/preview' }, 'player is required.', 'Falta player.');
    const noPlayer = await inEachLanguage(
      { method: 'GET', path: '/erasures/preview?player=nadie' },
      'No player with the id "nadie".',
      'No hay ningún jugador con el id "nadie".',
    );
    assert.equal(noPlayer.spanish.reason, 'player-not-found');
    await inEachLanguage(
      { method: 'GET', path: '/activities/no-such-activity/erase' },
      'No activity with the tracking code "no-such-activity". See: aula activity list',
      'No hay ninguna actividad con el código de seguimiento "no-such-activity". Consulta: aula activity list',
    );
  });

  test("the Data screen's refusals: an export not running, an import not sent as a bundle or sent empty", async () => {
    await inEachLanguage(
      { method: 'GET', path: '/data/export/progress/no-such-export' },
      'No export with that name is running.',
      'No hay ninguna exportación en curso con ese nombre.',
    );
    const notZip = await inEachLanguage(
      { method: 'POST', path: '/data/import', json: { bundle: 'x' } },
      'Send the bundle as the request body with Content-Type: application/zip.',
      'Envía el paquete como cuerpo de la petición con Content-Type: application/zip.',
    );
    assert.equal(notZip.spanish.reason, 'unsupported-media-type');
    const empty = await inEachLanguage({ method: 'POST', path: '/data/import', zip: true }, 'The request carried no bundle.', 'La petición no traía ningún paquete.');
    assert.equal(empty.spanish.reason, 'empty-body');
  });

  test("what another screen asks for is not there: a player, a student's access, an activity's results, roll call or xAPI key, a class's failed logins; two search texts", async () => {
    await inEachLanguage({ method: 'GET', path: '/players/no-such-player' }, 'There is no such player.', 'Ese jugador no existe.');
    await inEachLanguage({ method: 'GET', path: '/students/nadie/access' }, 'There is no student "nadie".', 'No hay ningún alumno "nadie".');
    await inEachLanguage({ method: 'GET', path: '/activities/no-such-activity/results' }, 'There is no such activity.', 'Esa actividad no existe.');
    for (const path of ['/activities/no-such-activity/roll-call', '/activities/no-such-activity/xapi']) {
      await inEachLanguage({ method: 'GET', path }, 'There is no such activity (it may have been deleted).', 'Esa actividad no existe (puede que se haya eliminado).');
    }
    await inEachLanguage({ method: 'GET', path: '/classes/no-such-class/failed-logins' }, 'There is no such class.', 'Esa clase no existe.');
    await inEachLanguage({ method: 'GET', path: '/players?q=a&q=b' }, 'Expected one search text (q).', 'Se esperaba un solo texto de búsqueda (q).');
  });

  test("the API's own refusals: a number out of range, an unknown endpoint, a body that is not JSON", async () => {
    const range = await inEachLanguage({ method: 'GET', path: '/statements?limit=9999' }, 'Expected a whole number from 1 to 500.', 'Se esperaba un número entero de 1 a 500.');
    assert.equal(range.spanish.reason, 'invalid-parameter');
    await inEachLanguage({ method: 'GET', path: '/no-such-endpoint' }, 'No such dashboard API endpoint.', 'Esa dirección no existe en la API del panel.');
    const unreadable = await inEachLanguage(
      { method: 'POST', path: '/classes', raw: '{"name":' },
      'The request could not be read (is it valid JSON?).',
      'No se ha podido leer la petición (¿es JSON válido?).',
    );
    assert.equal(unreadable.spanish.reason, 'bad-request');
  });

  test("a browser's own Accept-Language: Spanish when it prefers es, English when it prefers English or names neither", async () => {
    const ask: Ask = { method: 'GET', path: '/classes/no-such-class/students' };
    for (const header of ['es-ES', 'es-ES,es;q=0.9,en;q=0.8', 'fr-FR,es;q=0.7,en;q=0.5']) {
      assert.equal((await refusal(ask, header)).message, 'Esa clase no existe.', header);
    }
    for (const header of ['en-US,en;q=0.9,es;q=0.8', 'fr-FR', 'es;q=0', '*', '']) {
      assert.equal((await refusal(ask, header)).message, 'There is no such class.', header);
    }
  });
});

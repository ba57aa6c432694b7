import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import i18next from 'i18next';
import { failedLoginNote } from '../../renderer/src/format/not-started.js';

// What a teacher in Spain reads where a first Spanish wording read as a translation: the sentence as a Spanish teacher's
// software would say it, and the same word for the same thing on every screen.
describe('the Spanish wording', () => {
  before(() => i18next.changeLanguage('es'));
  after(() => i18next.changeLanguage('en'));

  const now = Date.parse('2026-11-28T10:00:00Z');

  test("a not-started student's failed login says who failed, once and several times", () => {
    assert.equal(failedLoginNote({ last: '2026-11-28T09:58:00Z', count: 1 }, now), 'no pudo iniciar sesión hace 2 min');
    assert.equal(failedLoginNote({ last: '2026-11-28T09:58:00Z', count: 3 }, now), 'no pudo iniciar sesión 3 veces, la última hace 2 min');
  });

  test('Not started yet\'s hint says the student was refused by the activity, not that the student refused it', () => {
    const hint = i18next.t('live:notStarted.hint');
    assert.match(hint, /quien fue rechazado por la actividad de otra clase/);
    assert.doesNotMatch(hint, /a quien rechazó la actividad/);
  });
});

describe('the Spanish Classes screen', () => {
  before(() => i18next.changeLanguage('es'));
  after(() => i18next.changeLanguage('en'));

  test('taking a student out of a class asks with the verb of its button, without "dejarán de dejarle"', () => {
    const question = i18next.t('classes:remove.question', { username: 'ana', className: '3B' });
    assert.ok(question.startsWith('¿Quitar a <strong>ana</strong> de la clase 3B?'), question);
    assert.ok(question.endsWith('Las actividades solo para 3B ya no le dejarán entrar.'), question);
    assert.ok(i18next.t('classes:table.remove').startsWith('Quitar'));
  });

  test("deleting a class of one student does not say 'Su 1 alumno'", () => {
    assert.equal(
      i18next.t('classes:deleteClass.question', { name: '3B', count: 1 }),
      '¿Eliminar la clase <strong>3B</strong>? 1 alumno deja de estar en ella: su cuenta se queda, con todo lo que ya jugó, y en cualquier otra clase en la que esté.',
    );
    assert.match(i18next.t('classes:deleteClass.question', { name: '3B', count: 3 }), /Sus 3 alumnos dejan de estar en ella/);
  });

  test('a student added is named with the personal "a", as a student taken out is', () => {
    assert.ok(i18next.t('classes:addStudent.added', { username: 'ana', className: '3B' }).startsWith('Se ha añadido a ana a la clase 3B.'));
    assert.ok(i18next.t('classes:remove.done', { username: 'ana', className: '3B' }).startsWith('Se ha quitado a ana de la clase 3B.'));
  });
});

describe('the Spanish rules editor', () => {
  before(() => i18next.changeLanguage('es'));
  after(() => i18next.changeLanguage('en'));

  test("each rule's severity list is named after its rule, as a custom rule's is", () => {
    assert.deepEqual(
      ['idle', 'noProgress', 'wrongAnswers', 'lowScore', 'quit', 'custom'].map((rule) => i18next.t(`alerts:rules.${rule}.severityLabel`)),
      [
        'Gravedad de la regla Inactivo',
        'Gravedad de la regla Sin progreso',
        'Gravedad de la regla Respuestas incorrectas',
        'Gravedad de la regla Puntuación baja',
        'Gravedad de la regla Salir sin completar',
        'Gravedad de la regla personalizada',
      ],
    );
  });
});

describe('the Spanish first-run help on Diagnostics', () => {
  before(() => i18next.changeLanguage('es'));
  after(() => i18next.changeLanguage('en'));

  test('quotes a button or a term with Spanish quotation marks, as every other screen does («Cancelar»)', () => {
    const help = ['firewall', 'firewallWindows', 'firewallMac', 'isolation'].map((key) => i18next.t(`diagnostics:firstRun.${key}`, { port: 3000 }));
    for (const text of help) assert.doesNotMatch(text, /"/, text);
    assert.match(help[0] ?? '', /«Cancelar»/);
    assert.match(help[3] ?? '', /«aislamiento de clientes»/);
  });
});

describe("the Spanish header's totals", () => {
  before(() => i18next.changeLanguage('es'));
  after(() => i18next.changeLanguage('en'));

  test("the live count's tooltip says for how long a game may be silent in a sentence that parses", () => {
    assert.equal(
      i18next.t('totals.liveTitle'),
      'En directo: las sesiones que En directo muestra activas: sin terminar y con su juego en silencio durante menos minutos que los de la alerta Inactivo de la actividad, o menos de 3 minutos si esa alerta está desactivada',
    );
  });
});

describe('Spanish sessions', () => {
  before(() => i18next.changeLanguage('es'));
  after(() => i18next.changeLanguage('en'));

  test("an ended session reads the same on a player's page as on Live, apart from a finished game ('terminada')", () => {
    assert.equal(i18next.t('players:player.ended', { time: '10:32:05' }), 'finalizada 10:32:05');
    assert.equal(i18next.t('live:ended', { time: '10:32:05' }), 'finalizada 10:32:05');
    assert.equal(i18next.t('live:lastSeen.finished', { duration: '2 min' }), 'terminada hace 2 min');
  });
});

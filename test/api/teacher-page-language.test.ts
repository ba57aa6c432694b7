import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { useTestCollector } from '../support/collector.js';
import { type Answer, requestFrom } from './teacher-support.js';

const lan = lanAddresses()[0];

/**
 * The key page another device opens at /teacher speaks the browser's language, as the check page does: Spanish for a
 * browser that prefers Spanish, the same English as always otherwise; it varies by Accept-Language so no cache hands
 * one language's page to another browser.
 */
describe("the teacher key page speaks the browser's language", () => {
  const collector = useTestCollector({ config: { host: '0.0.0.0', mdns: false } });

  const headers = (languages: string | undefined): Record<string, string> => (languages === undefined ? {} : { 'Accept-Language': languages });

  /** The form posted as a browser would, with this key, from this computer (the form needs no LAN address). */
  const posted = (key: string, languages?: string): Promise<Answer> =>
    requestFrom(undefined, `${collector.current.url}/teacher`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers(languages) },
      body: new URLSearchParams({ key }).toString(),
    });

  test('the page, from another device: in Spanish for a browser that prefers Spanish, in English otherwise', { skip: lan ? false : 'no LAN address to connect from' }, async () => {
    const open = (languages?: string) => requestFrom(lan, `http://${lan}:${collector.current.port}/teacher`, { headers: headers(languages) });
    const spanish = await open('es-ES,es;q=0.9,en;q=0.8');
    assert.equal(spanish.status, 200);
    assert.equal(spanish.headers.vary, 'Accept-Language');
    assert.match(spanish.text, /<html lang="es">/);
    assert.ok(spanish.text.includes('<title>Aula: escribe la clave de docente</title>'));
    assert.ok(spanish.text.includes('<h1>Abrir el panel del docente</h1>'));
    assert.ok(spanish.text.includes('<p>Escribe la clave de docente. Aparece en <strong>Ajustes</strong> del panel, en el ordenador donde se ejecuta Aula.</p>'));
    assert.ok(spanish.text.includes('<label for="key">Clave de docente</label>'));
    assert.ok(spanish.text.includes('<button type="submit">Abrir el panel</button>'));
    assert.ok(spanish.text.includes('la página que comprueba la conexión está en <a href="/check">/check</a>.'));
    assert.ok(!/teacher key|dashboard/i.test(spanish.text), 'no English left');

    for (const languages of [undefined, 'en-US,en;q=0.9,es;q=0.8', 'de-DE,de;q=0.9', '*']) {
      const english = await open(languages);
      assert.equal(english.status, 200);
      assert.equal(english.headers.vary, 'Accept-Language');
      assert.match(english.text, /<html lang="en">/, String(languages));
      assert.ok(english.text.includes('<title>Aula: enter the teacher key</title>'));
      assert.ok(english.text.includes("<h1>Open the teacher's dashboard</h1>"));
      assert.ok(english.text.includes('<p>Enter the teacher key. It is shown in <strong>Settings</strong> of the dashboard on the computer running Aula.</p>'));
      assert.ok(english.text.includes('<label for="key">Teacher key</label>'));
      assert.ok(english.text.includes('<button type="submit">Open the dashboard</button>'));
      assert.ok(english.text.includes('This device then stays signed in (a cookie) until the key is regenerated.'));
    }
  });

  test('why the form was refused, in each language: no key typed, a wrong key, a form from another site', async () => {
    const empty = await posted(' ', 'es');
    assert.equal(empty.status, 400);
    assert.ok(empty.text.includes('<p class="bad" role="alert">Escribe la clave de docente.</p>'));
    assert.ok((await posted(' ')).text.includes('<p class="bad" role="alert">Type the teacher key.</p>'));

    const wrong = await posted('not-the-key', 'es-419');
    assert.equal(wrong.status, 401);
    assert.ok(
      wrong.text.includes(
        'Esa no es la clave de docente. Compruébala en Ajustes, en el ordenador donde se ejecuta Aula (las mayúsculas y los guiones no cuentan).',
      ),
    );
    assert.match(wrong.text, /<html lang="es">/);
    const english = await posted('not-the-key', 'en');
    assert.ok(english.text.includes('That is not the teacher key. Check it in Settings on the computer running Aula (capitals and dashes do not matter).'));

    const crossSite = await requestFrom(undefined, `${collector.current.url}/teacher`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://attacker.example', 'Accept-Language': 'es' },
      body: 'key=whatever',
    });
    assert.equal(crossSite.status, 403);
    assert.ok(crossSite.text.includes('Este formulario solo se puede enviar desde esta página, no desde otro sitio web.'));
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { requestFrom } from '../support/from-address.js';

describe("the check page speaks the browser's language", () => {
  let collector: Collector;
  let openCode = '';
  let closedCode = '';

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
    openCode = makeActivity(collector.context.db, { name: 'Fracciones' }).trackingCode;
    closedCode = makeActivity(collector.context.db, { name: 'Historia' }).trackingCode;
    setActivityOpen(collector.context.db, closedCode, false);
  });
  after(() => collector?.close());

  /** The page as a browser sending these languages gets it (none: no Accept-Language header at all). */
  async function page(path: string, languages?: string): Promise<string> {
    const headers: Record<string, string> = languages === undefined ? {} : { 'Accept-Language': languages };
    const answer = await requestFrom('127.0.0.1', collector.port, { method: 'GET', path, headers });
    assert.equal(answer.status, 200);
    return answer.text;
  }

  const host = () => `<code>http://127.0.0.1:${collector.port}/</code>`;

  test('in Spanish for a browser that prefers Spanish, with its verdicts on a code', async () => {
    const text = await page('/check', 'es-ES,es;q=0.9,en;q=0.8');
    assert.match(text, /<html lang="es">/);
    assert.match(text, /<title>Colector de Aula: accesible<\/title>/);
    assert.ok(text.includes('<h1 class="good">✓ Este ordenador puede conectar con el colector de Aula</h1>'));
    assert.ok(text.includes(`<p>Conectado a ${host()} desde la dirección <code>127.0.0.1</code>.</p>`));
    assert.ok(text.includes(`<p>En los ajustes del juego, usa como host ${host()} y el código de seguimiento que te dé tu docente.</p>`));
    assert.ok(text.includes('<label for="code">Comprobar un código de seguimiento:</label>'));
    assert.ok(text.includes('<button type="submit">Comprobar</button>'));
    assert.ok(text.includes('<a href="/teacher">Abre el panel con la clave de docente</a>.'));
    assert.ok(!text.includes('This computer can reach'), 'no English left');

    const open = await page(`/check?code=${openCode}`, 'es');
    assert.ok(open.includes(`La actividad <code>${openCode}</code> existe y está abierta: los juegos con este código pueden empezar.`));
    const closed = await page(`/check?code=${closedCode}`, 'es-419');
    assert.ok(closed.includes(`La actividad <code>${closedCode}</code> existe pero está cerrada`));
    const wrong = await page(`/check?code=${encodeURIComponent('<b>nope</b>')}`, 'es-ES');
    assert.ok(wrong.includes('Ninguna actividad tiene el código de seguimiento <code>&lt;b&gt;nope&lt;/b&gt;</code>.'), 'the code still escaped');
  });

  test('in English, as before, without Accept-Language, for English first, or for a language it does not speak', async () => {
    for (const languages of [undefined, 'en-US,en;q=0.9,es;q=0.8', 'de-DE,de;q=0.9', '*']) {
      const text = await page('/check', languages);
      assert.match(text, /<html lang="en">/, String(languages));
      assert.match(text, /<title>Aula collector: reachable<\/title>/);
      assert.ok(text.includes('<h1 class="good">✓ This computer can reach the Aula collector</h1>'));
      assert.ok(text.includes(`<p>Reached at ${host()} from the address <code>127.0.0.1</code>.</p>`));
      assert.ok(text.includes(`<p>In the game's settings, use the host ${host()} and the tracking code your teacher gives you.</p>`));
      assert.ok(text.includes('<label for="code">Check a tracking code:</label>'));
      assert.ok(text.includes('<button type="submit">Check</button>'));
      assert.ok(
        text.includes(
          '<p><small>This page is all other computers see of Aula. Teacher on a tablet or another computer? <a href="/teacher">Open the dashboard with the teacher key</a>.</small></p>',
        ),
      );
    }
    const wrong = await page(`/check?code=${encodeURIComponent('<b>nope</b>')}`);
    assert.ok(
      wrong.includes(
        '<p class="bad">No activity has the tracking code <code>&lt;b&gt;nope&lt;/b&gt;</code>. Compare it with the code the teacher shows, character by character (capitals count).</p>',
      ),
    );
    assert.ok((await page(`/check?code=${closedCode}`)).includes(`<p class="warn">The activity <code>${closedCode}</code> exists but is closed: games cannot start until the teacher opens it.</p>`));
    assert.ok((await page(`/check?code=${openCode}`)).includes(`<p class="good">The activity <code>${openCode}</code> exists and is open: games with this code can start.</p>`));
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowPermission, attachNavigationGuard, decideNavigation, type GuardedContents } from '../../main/navigation-guard.js';

const ORIGIN = 'http://127.0.0.1:3000';

describe('navigation guard', () => {
  test('the dashboard origin stays in the window; web and mail links go to the system browser; the rest nowhere', () => {
    const cases: Array<[string, string]> = [
      ['http://127.0.0.1:3000/', 'allow'],
      ['http://127.0.0.1:3000/activities/7?tab=live#top', 'allow'],
      ['http://127.0.0.1:3001/', 'open-externally'],
      ['http://localhost:3000/', 'open-externally'],
      ['https://github.com/e-ucm', 'open-externally'],
      ['mailto:teacher@example.org', 'open-externally'],
      ['file:///etc/passwd', 'deny'],
      ['javascript:alert(1)', 'deny'],
      ['data:text/html,<script>1</script>', 'deny'],
      ['ms-settings:network', 'deny'],
      ['not a url', 'deny'],
    ];
    for (const [target, expected] of cases) assert.equal(decideNavigation(target, ORIGIN), expected, target);
  });

  test('wired to a window: navigations are cancelled or handed out, window.open never opens an Electron window', () => {
    const listeners = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
    let openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
    const contents: GuardedContents = {
      on(event: string, listener: (event: { preventDefault(): void; url: string }) => void) {
        listeners.set(event, listener);
        return contents;
      },
      setWindowOpenHandler(handler) {
        openHandler = handler;
      },
    };
    const opened: string[] = [];
    attachNavigationGuard(contents, () => ORIGIN, (url) => opened.push(url));

    const navigate = (event: string, url: string) => {
      let prevented = false;
      listeners.get(event)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    assert.equal(navigate('will-navigate', `${ORIGIN}/settings`), false);
    assert.equal(navigate('will-navigate', 'https://example.org/help'), true);
    assert.equal(navigate('will-redirect', 'file:///home/teacher/'), true);
    assert.equal(navigate('will-attach-webview', 'about:blank'), true);
    assert.deepEqual(openHandler?.({ url: 'https://example.org/docs' }), { action: 'deny' });
    assert.deepEqual(openHandler?.({ url: `${ORIGIN}/print` }), { action: 'deny' });
    assert.deepEqual(opened, ['https://example.org/help', 'https://example.org/docs']);
  });

  test('only clipboard writes and fullscreen are granted, and only to the dashboard', () => {
    assert.equal(allowPermission('clipboard-sanitized-write', `${ORIGIN}/`, ORIGIN), true);
    assert.equal(allowPermission('fullscreen', `${ORIGIN}/live`, ORIGIN), true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      assert.equal(allowPermission(permission, `${ORIGIN}/`, ORIGIN), false, permission);
    }
    assert.equal(allowPermission('fullscreen', 'https://example.org/', ORIGIN), false);
  });
});

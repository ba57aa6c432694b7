import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimSingleInstance } from '../../main/single-instance.js';
import { problemDialog } from '../../main/startup-problem.js';
import { type TrayAction, toMenuTemplate, trayMenu, trayTooltip } from '../../main/tray-menu.js';
import { dashboardWindowOptions } from '../../main/window-options.js';
import { createWindowPresenter, type PresentableWindow } from '../../main/window-presenter.js';

/** Stands in for Electron's app: the lock is held by whichever "process" asked first. */
function fakeApps() {
  let holder: object | undefined;
  return () => {
    const self = {
      quits: 0,
      secondInstance: undefined as (() => void) | undefined,
      requestSingleInstanceLock: () => {
        holder ??= self;
        return holder === self;
      },
      on(_event: 'second-instance', listener: () => void) {
        self.secondInstance = listener;
        return self;
      },
      quit() {
        self.quits++;
      },
    };
    return self;
  };
}

class FakeWindow implements PresentableWindow {
  destroyed = false;
  minimized = false;
  calls: string[] = [];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => {
    this.minimized = false;
    this.calls.push('restore');
  };
  show = () => this.calls.push('show');
  focus = () => this.calls.push('focus');
}

describe('single instance', () => {
  test('a second launch quits and brings the first one to the front', () => {
    const newApp = fakeApps();
    const first = newApp();
    const second = newApp();
    let focused = 0;
    assert.equal(
      claimSingleInstance(first, () => focused++),
      true,
    );
    assert.equal(
      claimSingleInstance(second, () => assert.fail('the second instance shows nothing')),
      false,
    );
    assert.equal(second.quits, 1);
    assert.equal(first.quits, 0);
    first.secondInstance?.(); // what Electron does in the first process when the second asked for the lock
    assert.equal(focused, 1);
  });
});

describe('window presenter', () => {
  test('creates the window once, restores and focuses it afterwards, re-creates it after it was closed', () => {
    const created: FakeWindow[] = [];
    const presenter = createWindowPresenter(() => {
      const window = new FakeWindow();
      created.push(window);
      return window;
    });
    assert.equal(presenter.current(), undefined);
    const first = presenter.show();
    first.minimized = true;
    assert.equal(presenter.show(), first);
    assert.deepEqual(first.calls, ['restore', 'show', 'focus']);
    first.destroyed = true; // the teacher closed it; the collector keeps running in the tray
    assert.equal(presenter.current(), undefined);
    const second = presenter.show();
    assert.notEqual(second, first);
    assert.equal(created.length, 2);
  });
});

describe('tray menu', () => {
  const collector = {
    url: 'http://127.0.0.1:3000',
    lanUrls: ['http://127.0.0.1:3000/', 'http://192.168.1.20:3000/', 'http://10.0.0.5:3000/'],
  };

  test('offers Open dashboard, the address games use (LAN first), and Quit', () => {
    const labels = trayMenu({ collector }).map((item) => (item.type === 'separator' ? '—' : item.label));
    assert.deepEqual(labels, [
      'Open dashboard',
      '—',
      'Collector address for games:',
      '  http://192.168.1.20:3000/',
      '  http://10.0.0.5:3000/',
      'Copy collector address',
      '—',
      'Open data folder',
      '—',
      'Quit Aula',
    ]);
    assert.equal(trayTooltip({ collector }), 'Aula — collecting at http://192.168.1.20:3000/');
  });

  test('on a computer with no network (or LAN exposure off) the loopback address is shown', () => {
    const labels = trayMenu({ collector: { url: collector.url, lanUrls: ['http://127.0.0.1:3000/'] } }).map((item) =>
      item.type === 'separator' ? '—' : item.label,
    );
    assert.ok(labels.includes('  http://127.0.0.1:3000/'));
    assert.ok(trayMenu({}).some((item) => item.type === 'info' && item.label === 'Collector not running'));
  });

  test('the Electron template runs the clicked action and disables information lines', () => {
    const ran: TrayAction[] = [];
    const template = toMenuTemplate(trayMenu({ collector }), (action) => ran.push(action));
    const byLabel = (label: string) => template.find((item) => item.label === label);
    assert.equal(byLabel('  http://192.168.1.20:3000/')?.enabled, false);
    for (const label of ['Open dashboard', 'Copy collector address', 'Quit Aula']) {
      const click = byLabel(label)?.click as (() => void) | undefined;
      click?.();
    }
    assert.deepEqual(ran, ['open-dashboard', 'copy-address', 'quit']);
    assert.equal(template.filter((item) => item.type === 'separator').length, 3);
  });
});

describe('dashboard window', () => {
  test('the page gets no Node, an isolated world, the sandbox, and only the preload script', () => {
    const options = dashboardWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', iconPath: '/app/build/icon.png' });
    const web = options.webPreferences ?? {};
    assert.equal(web.contextIsolation, true);
    assert.equal(web.sandbox, true);
    assert.equal(web.nodeIntegration, false);
    assert.equal(web.nodeIntegrationInWorker, false);
    assert.equal(web.nodeIntegrationInSubFrames, false);
    assert.equal(web.webviewTag, false);
    assert.equal(web.webSecurity, true);
    assert.equal(web.allowRunningInsecureContent, false);
    assert.equal(web.preload, '/app/dist/main/preload.cjs');
    assert.equal(options.show, false, 'shown on ready-to-show, so no white flash');
  });
});

describe('startup problems', () => {
  test('a taken port without a free alternative offers Try again and Quit', () => {
    const box = problemDialog({ kind: 'port-taken', port: 3000, message: 'Port 3000 is already used by another program.' }, { dataDir: '/d' });
    assert.deepEqual(
      box.buttons.map((button) => button.label),
      ['Try again', 'Quit'],
    );
    assert.match(box.detail, /port 3000/);
  });

  test('a timeout offers Try again, Show data folder and Quit', () => {
    const box = problemDialog({ kind: 'timeout', seconds: 20, message: 'The collector did not start within 20 s.' }, { dataDir: '/d' });
    assert.deepEqual(
      box.buttons.map((button) => button.action.kind),
      ['retry', 'show-data-folder', 'quit'],
    );
    assert.equal(box.buttons[box.cancelId]?.action.kind, 'quit');
  });
});

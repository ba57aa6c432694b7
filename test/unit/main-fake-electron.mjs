// A stand-in for the 'electron' module, for main-index-wiring.test.ts and main-language.test.ts: just enough of
// Electron's main-process API for main/index.ts to run in plain Node, recording what the app does with it.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const fake = {
  windows: [],
  trays: [],
  ipc: new Map(),
  exits: [],
  relaunches: 0,
  dialogs: [],
  /** The options of each native save dialog (the dashboard's exports). */
  saveDialogs: [],
  /** Index of the button each error box answers; default: the cancel button. */
  dialogAnswers: [],
  opened: [],
  externals: [],
  permissionHandler: undefined,
  permissionCheckHandler: undefined,
  clipboard: undefined,
  /** What app.getPreferredSystemLanguages() and app.getLocale() answer: an English system unless a test says. */
  systemLanguages: ['en-US'],
  locale: 'en-US',
};

class FakeApp extends EventEmitter {
  paths = new Map();
  name = 'aula';
  requestSingleInstanceLock() {
    return true;
  }
  setName(name) {
    this.name = name;
  }
  setPath(key, value) {
    this.paths.set(key, value);
  }
  getPath(key) {
    return this.paths.get(key) ?? os.tmpdir();
  }
  getAppPath() {
    return ROOT;
  }
  getVersion() {
    return '0.0.0-test';
  }
  getPreferredSystemLanguages() {
    return [...fake.systemLanguages];
  }
  getLocale() {
    return fake.locale;
  }
  isReady() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) fake.exits.push(0);
  }
  exit(code) {
    fake.exits.push(code);
  }
  relaunch() {
    fake.relaunches++;
  }
}

export const app = new FakeApp();

class FakeContents extends EventEmitter {
  openHandler = undefined;
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  webContents = new FakeContents();
  url = undefined;
  shown = 0;
  focused = 0;
  constructor(options) {
    super();
    this.options = options;
    fake.windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    queueMicrotask(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.shown++;
  }
  focus() {
    this.focused++;
  }
}

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.image = image;
    fake.trays.push(this);
  }
  setToolTip(text) {
    this.tooltip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
}

export const Menu = { buildFromTemplate: (template) => ({ items: template }) };
export const nativeImage = { createFromPath: (file) => ({ file }) };
export const dialog = {
  async showMessageBox(options) {
    fake.dialogs.push(options);
    return { response: fake.dialogAnswers.shift() ?? options.cancelId };
  },
  showErrorBox(title, content) {
    fake.dialogs.push({ message: title, detail: content, buttons: [] });
  },
  async showSaveDialog(options) {
    fake.saveDialogs.push(options);
    return { canceled: true };
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};
export const shell = {
  async openExternal(url) {
    fake.externals.push(url);
  },
  async openPath(target) {
    fake.opened.push(target);
    return '';
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      fake.permissionHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      fake.permissionCheckHandler = handler;
    },
  },
};
export const ipcMain = {
  handle(channel, handler) {
    fake.ipc.set(channel, handler);
  },
};
export const clipboard = {
  writeText(text) {
    fake.clipboard = text;
  },
};

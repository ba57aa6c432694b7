// The Electron main process. Thin on purpose: everything with a decision in it lives in a small module with its
// Electron edges injected (and unit tests); this file only wires those modules to Electron.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, session, shell, Tray } from 'electron';
import { defaultDataDir } from '../server/config.js';
import { type Collector, createCollector } from '../server/index.js';
import { createLogger } from '../server/logger.js';
import { desktopConfig } from './desktop-config.js';
import { createDesktopHandlers } from './desktop-handlers.js';
import { desktopLogDestination, desktopLogFile } from './desktop-log.js';
import { setDesktopLanguage, systemLanguage } from './i18n/setup.js';
import { allowPermission, attachNavigationGuard } from './navigation-guard.js';
import { appPaths } from './paths.js';
import { createQuitFlow } from './quit-flow.js';
import { createServerHost, findFreePort, type HostStart, loggedProblem } from './server-host.js';
import {
  collectorConfig,
  type DesktopSettings,
  loadSettings,
  SettingsNotSavedError,
  type SettingsPatch,
  settingsPath,
  updateSettings,
} from './settings.js';
import { claimSingleInstance } from './single-instance.js';
import { cannotStartTitle, problemDialog, settingNotSavedDialog, settingsProblemDialog } from './startup-problem.js';
import { gameAddresses, type TrayAction, toMenuTemplate, trayMenu, trayTooltip } from './tray-menu.js';
import { watchGameAddresses } from './tray-refresh.js';
import { dashboardWindowOptions } from './window-options.js';
import { createWindowPresenter } from './window-presenter.js';

// The same per-user folder as `aula serve` (and AULA_DATA_DIR when set, from the folder the app was started in if
// relative, as `aula serve` reads it: Electron takes only absolute paths), so both share one database; Chromium's
// profile lives there too. Must be set before the single-instance lock, which is keyed on it.
const home = path.resolve(defaultDataDir());
// The log goes to a file there (logs/aula.log, rotated: main/desktop-log.ts), and to standard error when there is one:
// a Windows app started from Explorer has none, and a log that cannot be written must not end the app.
const log = createLogger(process.env.AULA_LOG_LEVEL ?? 'info', {
  destination: desktopLogDestination({ file: desktopLogFile(home), stderrFd: 2 }),
});
app.setName('Aula');
app.setPath('userData', home);

const paths = appPaths(app.getAppPath());
const host = createServerHost({ start: (config) => createCollector(config, { logger: log }) });
let settings: DesktopSettings = loadSettings(home).settings;
let tray: Tray | undefined;

const dashboardOrigin = (): string | undefined => (host.collector ? new URL(host.collector.url).origin : undefined);

const presenter = createWindowPresenter(() => {
  const collector = host.collector;
  const window = new BrowserWindow(dashboardWindowOptions({ preloadPath: paths.preload, iconPath: paths.icon }));
  attachNavigationGuard(window.webContents, () => dashboardOrigin() ?? 'null', (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  if (collector) void window.loadURL(`${collector.url}/`);
  return window;
});

let stopWatchingAddresses = (): void => {};

const quitFlow = createQuitFlow({
  stop: () => {
    // No more tray wording from a collector that is closing.
    stopWatchingAddresses();
    return host.stop();
  },
  exit: (code) => app.exit(code),
  onError: (error) => log.error({ err: error }, 'clean stop failed'),
  onTimeout: (timeoutMs) =>
    log.error(`the collector did not stop within ${timeoutMs / 1000} s (its last writes never finished); exiting without it`),
});

const showIfRunning = (): void => {
  if (app.isReady() && host.collector) presenter.show();
};

if (claimSingleInstance(app, showIfRunning)) {
  app.on('before-quit', (event) => quitFlow.beforeQuit(event));
  // Closing the window keeps collecting: the tray is still there, and only Quit stops the collector.
  app.on('window-all-closed', () => {});
  app.on('activate', showIfRunning);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(launch)
    .catch((error: unknown) => {
      log.fatal({ err: error }, 'the desktop app could not start');
      dialog.showErrorBox(cannotStartTitle(), error instanceof Error ? error.message : String(error));
      void host.stop().finally(() => app.exit(1));
    });
}

async function launch(): Promise<void> {
  // The menus and dialogs in the system's language, as the dashboard's window (once ready: Windows knows it then).
  setDesktopLanguage(systemLanguage(app));
  const loaded = loadSettings(home);
  if (loaded.problem) {
    // The log in English (support reads it), the dialog in the app's language.
    log.warn(loaded.problemInEnglish ?? loaded.problem);
    const box = settingsProblemDialog(loaded.problem);
    await dialog.showMessageBox({ type: 'warning', title: box.title, message: box.message, detail: box.detail, buttons: box.buttons, noLink: true });
  }
  settings = loaded.settings;
  // The language the teacher chose on the dashboard, kept with the settings, over the system's.
  if (settings.language) setDesktopLanguage(settings.language);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl, dashboardOrigin() ?? 'null')),
  );
  // The synchronous checks (navigator.permissions.query, some device APIs) ask here, not above: the same rule.
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin, dashboardOrigin() ?? 'null'),
  );
  registerDesktopApi();
  const collector = await startCollector();
  if (!collector) {
    app.exit(0);
    return;
  }
  log.info({ url: collector.url, lanUrls: collector.lanUrls, dataDir: collector.config.dataDir }, 'collector running');
  showTray(collector);
  presenter.show();
}

/** Starts the collector; on failure shows the error window until it starts or the teacher quits. */
async function startCollector(): Promise<Collector | undefined> {
  for (;;) {
    const prepared = desktopConfig(settings, process.env, { homeDir: home, dashboardDir: paths.dashboardDir, settingsFile: settingsPath(home) });
    const config = prepared.ok ? prepared.config : collectorConfig(settings, { homeDir: home, dashboardDir: paths.dashboardDir });
    const result: HostStart = prepared.ok ? await host.start(config) : { ok: false, problem: prepared.problem };
    if (result.ok) {
      return result.collector;
    }
    log.error({ problem: loggedProblem(result.problem) }, 'the collector did not start');
    const dataDir = config.dataDir;
    const portProblem = result.problem.kind === 'port-taken' || result.problem.kind === 'port-refused';
    const freePort = portProblem ? await findFreePort(config.port ?? settings.port, config.host ?? '0.0.0.0') : undefined;
    const box = problemDialog(result.problem, { dataDir, freePort });
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: box.title,
      message: box.message,
      detail: box.detail,
      buttons: box.buttons.map((button) => button.label),
      defaultId: 0,
      cancelId: box.cancelId,
      noLink: true,
    });
    const action = box.buttons[response]?.action ?? { kind: 'quit' };
    switch (action.kind) {
      case 'use-port':
        await saveSetting({ port: action.port });
        break;
      case 'show-data-folder':
        await shell.openPath(fs.existsSync(dataDir) ? dataDir : home);
        break;
      case 'choose-data-folder': {
        const choice = await dialog.showOpenDialog({ defaultPath: home, properties: ['openDirectory', 'createDirectory'] });
        const chosen = choice.filePaths[0];
        if (!choice.canceled && chosen) await saveSetting({ dataDir: path.resolve(chosen) });
        break;
      }
      case 'retry':
        break;
      case 'quit':
        return undefined;
    }
  }
}

/**
 * Saves a choice made in a start-up window. A per-user folder that cannot be written (or a settings file Aula will not
 * overwrite) is said in a window, and the choice is used for this run all the same, instead of ending the app.
 */
async function saveSetting(change: SettingsPatch & { port?: number; dataDir?: string }): Promise<void> {
  try {
    settings = updateSettings(home, change);
  } catch (error) {
    settings = { ...settings, ...change };
    const why = error instanceof SettingsNotSavedError ? { problem: error.english } : { err: error };
    log.error(why, 'a setting was not saved');
    const box = settingNotSavedDialog(error instanceof Error ? error.message : String(error));
    await dialog.showMessageBox({ type: 'error', title: box.title, message: box.message, detail: box.detail, buttons: box.buttons, noLink: true });
  }
}

function showTray(collector: Collector): void {
  tray = new Tray(nativeImage.createFromPath(paths.trayIcon));
  wordTray(collector);
  tray.on('click', () => presenter.show());
  stopWatchingAddresses = watchGameAddresses(
    () => gameAddresses(collector.lanUrls),
    () => wordTray(collector),
  );
}

/** The tray's tooltip and menu in the app's language now: built again when the teacher changes it. */
function wordTray(collector: Collector): void {
  if (!tray) return;
  const state = { collector: { url: collector.url, lanUrls: collector.lanUrls } };
  const run = (action: TrayAction) => {
    if (action === 'open-dashboard') presenter.show();
    else if (action === 'copy-address') clipboard.writeText(gameAddresses(collector.lanUrls)[0] ?? collector.url);
    else if (action === 'open-data-folder') void shell.openPath(collector.config.dataDir);
    else app.quit();
  };
  tray.setToolTip(trayTooltip(state));
  tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(trayMenu(state), run)));
}

function registerDesktopApi(): void {
  const handlers = createDesktopHandlers({
    version: app.getVersion(),
    dashboardOrigin,
    homeDir: home,
    // What actually runs, environment overrides (AULA_PORT…) included.
    running: () => {
      const collector = host.collector;
      if (!collector) return settings;
      const loopbackOnly = ['127.0.0.1', '::1', 'localhost'].includes(collector.config.host);
      return { port: collector.port, exposeOnLan: !loopbackOnly, dataDir: collector.config.dataDir };
    },
    showSaveDialog: (options) => dialog.showSaveDialog(options),
    showFolderDialog: (options) =>
      dialog.showOpenDialog({ ...options, properties: ['openDirectory', 'createDirectory'] }),
    openPath: (target) => shell.openPath(target),
    relaunch: async () => {
      app.relaunch();
      app.quit();
    },
    languageChosen: (language) => {
      setDesktopLanguage(language);
      if (host.collector) wordTray(host.collector);
    },
    downloadsDir: app.getPath('downloads'),
  });
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handler(event.senderFrame?.url ?? '', ...args));
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import type { Language } from './i18n/languages.js';
import { t } from './i18n/setup.js';
import { CHANNELS, type Channel } from './ipc-channels.js';
import type {
  ChooseDataFolderResult,
  DesktopSettingsValues,
  DesktopSettingsView,
  SaveExportResult,
} from './preload-api.js';
import { type DesktopSettings, loadSettings, resolvedDataDir, updateSettings } from './settings.js';

export interface DesktopHandlerDeps {
  version: string;
  /** Origin of the running collector's dashboard, e.g. `http://127.0.0.1:3000`; undefined while not running. */
  dashboardOrigin(): string | undefined;
  /** Where desktop-settings.json lives (Electron's userData). */
  homeDir: string;
  /** The settings the running collector was started with. */
  running(): DesktopSettings;
  showSaveDialog(options: {
    defaultPath: string;
    filters: Array<{ name: string; extensions: string[] }>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showFolderDialog(options: { defaultPath: string }): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** shell.openPath: resolves to an error message, '' on success. */
  openPath(target: string): Promise<string>;
  relaunch(): Promise<void>;
  /** The teacher chose the dashboard's language: the menus and dialogs are worded in it from now on. */
  languageChosen(language: Language): void;
  /** Where the save dialog starts. */
  downloadsDir: string;
  /** The environment the app was started from (process.env unless told): its AULA_PORT and AULA_HOST win over the saved settings. */
  env?: NodeJS.ProcessEnv;
}

export type Handler = (senderUrl: string, ...args: unknown[]) => Promise<unknown>;

export class RefusedSenderError extends Error {
  constructor(senderUrl: string) {
    super(`The desktop API answers only the dashboard, not ${senderUrl || 'an unknown page'}`);
  }
}

const saveExportSchema = z.union([
  z.object({ suggestedName: z.string().min(1).max(200), path: z.string().startsWith('/') }).strict(),
  z.object({ suggestedName: z.string().min(1).max(200), data: z.union([z.string(), z.instanceof(Uint8Array)]) }).strict(),
]);

/** A plain file name: no folders, nothing Windows refuses. */
export function safeFileName(suggested: string): string {
  const base = path.basename(suggested.replaceAll('\\', '/'));
  const cleaned = base.replace(/[<>:"/\\|?*\p{Cc}]/gu, '_').replace(/^\.+/, '').trim();
  return cleaned === '' ? 'export' : cleaned;
}

function filtersFor(fileName: string): Array<{ name: string; extensions: string[] }> {
  const extension = path.extname(fileName).slice(1);
  const all = { name: t('saveDialog.allFiles'), extensions: ['*'] };
  return extension ? [{ name: t('saveDialog.fileOfType', { extension: extension.toUpperCase() }), extensions: [extension] }, all] : [all];
}

/** Writes next to the target and renames, so a failed download never leaves half a file under the chosen name. */
async function writeAtomically(filePath: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.part`);
  try {
    await write(temporary);
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The saved settings the environment decides instead, as desktopConfig applies it (a variable set to "" is not
 * set). AULA_DATA_DIR is not one of them: it moves the folder the settings themselves live in (main/index.ts).
 */
export function environmentOverrides(env: NodeJS.ProcessEnv): DesktopSettingsView['overriddenBy'] {
  const overrides: DesktopSettingsView['overriddenBy'] = {};
  if (env.AULA_PORT) overrides.port = 'AULA_PORT';
  if (env.AULA_HOST) overrides.exposeOnLan = 'AULA_HOST';
  return overrides;
}

/** The main-process side of the preload API, one handler per channel, each given the calling page's URL. */
export function createDesktopHandlers(deps: DesktopHandlerDeps): Record<Channel, Handler> {
  const values = (settings: DesktopSettings): DesktopSettingsValues => ({
    port: settings.port,
    exposeOnLan: settings.exposeOnLan,
    dataDir: resolvedDataDir(settings, deps.homeDir),
  });
  const view = (): DesktopSettingsView => {
    const saved = values(loadSettings(deps.homeDir).settings);
    const running = values(deps.running());
    const overriddenBy = environmentOverrides(deps.env ?? process.env);
    // A relaunch keeps the environment: a setting it decides runs as now whatever is saved, so it asks no restart.
    const restartRequired =
      (!overriddenBy.port && saved.port !== running.port) ||
      (!overriddenBy.exposeOnLan && saved.exposeOnLan !== running.exposeOnLan) ||
      saved.dataDir !== running.dataDir;
    return { saved, running, restartRequired, overriddenBy };
  };
  const origin = (): string => {
    const dashboard = deps.dashboardOrigin();
    if (!dashboard) throw new Error('The collector is not running');
    return dashboard;
  };
  const fromDashboard = (handler: (...args: unknown[]) => Promise<unknown>): Handler => {
    return async (senderUrl, ...args) => {
      let senderOrigin: string | undefined;
      try {
        senderOrigin = new URL(senderUrl).origin;
      } catch {
        senderOrigin = undefined;
      }
      if (senderOrigin === undefined || senderOrigin !== deps.dashboardOrigin()) throw new RefusedSenderError(senderUrl);
      return handler(...args);
    };
  };

  return {
    [CHANNELS.appVersion]: fromDashboard(async () => deps.version),
    [CHANNELS.saveExport]: fromDashboard(async (input): Promise<SaveExportResult> => {
      const request = saveExportSchema.parse(input);
      const fileName = safeFileName(request.suggestedName);
      let source: URL | undefined;
      if ('path' in request) {
        source = new URL(request.path, origin());
        if (source.origin !== origin()) throw new Error('saveExport downloads only from the collector');
      }
      const choice = await deps.showSaveDialog({
        defaultPath: path.join(deps.downloadsDir, fileName),
        filters: filtersFor(fileName),
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      const filePath = choice.filePath;
      await writeAtomically(filePath, async (temporary) => {
        if ('data' in request) {
          fs.writeFileSync(temporary, request.data);
          return;
        }
        const response = await fetch(source!);
        if (!response.ok || !response.body) {
          throw new Error(`The collector answered ${response.status} for ${source!.pathname}`);
        }
        await pipeline(
          Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
          fs.createWriteStream(temporary),
        );
      });
      return { saved: true, filePath };
    }),
    [CHANNELS.openDataFolder]: fromDashboard(async () => {
      const folder = resolvedDataDir(deps.running(), deps.homeDir);
      const problem = await deps.openPath(folder);
      if (problem) throw new Error(problem);
    }),
    [CHANNELS.chooseDataFolder]: fromDashboard(async (): Promise<ChooseDataFolderResult> => {
      const current = view().saved.dataDir;
      const choice = await deps.showFolderDialog({ defaultPath: current });
      const chosen = choice.filePaths[0];
      if (choice.canceled || !chosen) return { chosen: false };
      const dataDir = path.resolve(chosen);
      updateSettings(deps.homeDir, { dataDir: dataDir === path.resolve(deps.homeDir) ? null : dataDir });
      return { chosen: true, dataDir, restartRequired: view().restartRequired };
    }),
    [CHANNELS.getSettings]: fromDashboard(async () => view()),
    [CHANNELS.updateSettings]: fromDashboard(async (patch) => {
      updateSettings(deps.homeDir, patch);
      return view();
    }),
    [CHANNELS.relaunch]: fromDashboard(async () => deps.relaunch()),
    [CHANNELS.setLanguage]: fromDashboard(async (language) => {
      // Saved first: a value the settings refuse (not a language Aula speaks) changes nothing.
      const saved = updateSettings(deps.homeDir, { language });
      if (saved.language) deps.languageChosen(saved.language);
    }),
  };
}

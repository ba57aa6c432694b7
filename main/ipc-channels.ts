import type { AulaDesktopApi } from './preload-api.js';

type ApiMethod = Exclude<keyof AulaDesktopApi, 'isDesktop'>;

/** One IPC channel per preload API method; shared by preload-bridge.ts and desktop-handlers.ts. */
export const CHANNELS = {
  appVersion: 'aula:app-version',
  saveExport: 'aula:save-export',
  openDataFolder: 'aula:open-data-folder',
  chooseDataFolder: 'aula:choose-data-folder',
  getSettings: 'aula:get-settings',
  updateSettings: 'aula:update-settings',
  relaunch: 'aula:relaunch',
  setLanguage: 'aula:set-language',
} as const satisfies Record<ApiMethod, string>;

export type Channel = (typeof CHANNELS)[ApiMethod];

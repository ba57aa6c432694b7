import { CHANNELS } from './ipc-channels.js';
import type {
  AulaDesktopApi,
  ChooseDataFolderResult,
  DesktopSettingsView,
  SaveExportResult,
} from './preload-api.js';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object exposed as `window.aula`. Each method is one `ipcRenderer.invoke`: no Node objects, no ipcRenderer
 * itself, reach the page (contextIsolation keeps even this object's prototype apart from the page's).
 */
export function createDesktopApi(invoke: Invoke): AulaDesktopApi {
  return Object.freeze({
    isDesktop: true as const,
    appVersion: () => invoke(CHANNELS.appVersion) as Promise<string>,
    saveExport: (request) => invoke(CHANNELS.saveExport, request) as Promise<SaveExportResult>,
    openDataFolder: async () => {
      await invoke(CHANNELS.openDataFolder);
    },
    chooseDataFolder: () => invoke(CHANNELS.chooseDataFolder) as Promise<ChooseDataFolderResult>,
    getSettings: () => invoke(CHANNELS.getSettings) as Promise<DesktopSettingsView>,
    updateSettings: (patch) => invoke(CHANNELS.updateSettings, patch) as Promise<DesktopSettingsView>,
    relaunch: async () => {
      await invoke(CHANNELS.relaunch);
    },
    setLanguage: async (language) => {
      await invoke(CHANNELS.setLanguage, language);
    },
  } satisfies AulaDesktopApi);
}

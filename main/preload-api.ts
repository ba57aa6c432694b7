/**
 * The desktop-only API the preload script exposes to the dashboard as `window.aula`. Type-only: the renderer
 * declares the same shape for itself (it never imports main/) and feature-detects `window.aula`, falling back to
 * browser downloads when it is absent (the same dashboard runs in any browser).
 */

/** Save something to a file the teacher picks in a native save dialog. */
export type SaveExportRequest =
  | {
      /** File name offered in the dialog, e.g. `class-3b.csv`. */
      suggestedName: string;
      /** A path on the collector (same origin as the dashboard), e.g. `/admin/api/export?...`; main downloads it. */
      path: string;
    }
  | {
      suggestedName: string;
      /** Content the dashboard already has (a chart PNG, a small CSV). */
      data: string | Uint8Array;
    };

export type SaveExportResult = { saved: true; filePath: string } | { saved: false };

export type ChooseDataFolderResult =
  | { chosen: true; dataDir: string; /** The app uses the new folder after a restart (see relaunch). */ restartRequired: boolean }
  | { chosen: false };

export interface DesktopSettingsValues {
  port: number;
  /** true: games on the classroom network can connect; false: only this computer. */
  exposeOnLan: boolean;
  dataDir: string;
}

export interface DesktopSettingsView {
  /** What the next start will use. */
  saved: DesktopSettingsValues;
  /** What the running collector uses. */
  running: DesktopSettingsValues;
  /** The next start would run otherwise than now (a setting decided by the environment does not count: see overriddenBy). */
  restartRequired: boolean;
  /**
   * Settings the environment the app was started from decides, with the variable that does (`port: 'AULA_PORT'`,
   * `exposeOnLan: 'AULA_HOST'`): `running` shows its value, and the saved one applies only once Aula starts without it.
   */
  overriddenBy: Partial<Record<'port' | 'exposeOnLan', string>>;
}

export type DesktopSettingsPatch = Partial<{ port: number; exposeOnLan: boolean; dataDir: string | null }>;

export interface AulaDesktopApi {
  readonly isDesktop: true;
  appVersion(): Promise<string>;
  saveExport(request: SaveExportRequest): Promise<SaveExportResult>;
  openDataFolder(): Promise<void>;
  chooseDataFolder(): Promise<ChooseDataFolderResult>;
  getSettings(): Promise<DesktopSettingsView>;
  /** Saved for the next start; see relaunch. */
  updateSettings(patch: DesktopSettingsPatch): Promise<DesktopSettingsView>;
  /** Stops the collector cleanly and starts the app again, applying saved settings. */
  relaunch(): Promise<void>;
  /**
   * The language the teacher chose on the dashboard (`en`, `es`): the tray menu and the app's dialogs follow it at
   * once, and from the next start on (saved with the settings). Without a choice they follow the system's.
   */
  setLanguage(language: string): Promise<void>;
}

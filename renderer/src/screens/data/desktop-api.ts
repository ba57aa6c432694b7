/**
 * The part of the desktop app's `window.aula` (main/preload-api.ts) this screen uses, declared here because the
 * renderer never imports main/. Absent in a plain browser: the screen then falls back to a browser download.
 */
export interface SaveExportApi {
  saveExport(request: { suggestedName: string; path: string }): Promise<{ saved: true; filePath: string } | { saved: false }>;
}

export function desktopSaveExport(): SaveExportApi['saveExport'] | undefined {
  const aula = (window as unknown as { aula?: Partial<SaveExportApi> }).aula;
  return typeof aula?.saveExport === 'function' ? aula.saveExport.bind(aula) : undefined;
}

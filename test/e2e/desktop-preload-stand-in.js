// Stands in for the desktop app's preload (main/preload.ts) in a plain Chromium page, where the Electron binary cannot
// run: `window.aula` with the methods of main/preload-api.ts, answering as main/desktop-handlers.ts does, from the
// app described in `window.aulaFakeApp` (set by an init script before this one). Every call is recorded in
// `window.aulaCalls` for the test to read. Plain browser JavaScript, installed with page.addInitScript({ path }).
(() => {
  const fake = window.aulaFakeApp;
  const calls = [];
  window.aulaCalls = calls;
  const overriddenBy = fake.overriddenBy ?? {};
  const view = () => ({
    saved: { ...fake.saved },
    running: { ...fake.running },
    overriddenBy,
    restartRequired:
      (!overriddenBy.port && fake.saved.port !== fake.running.port) ||
      (!overriddenBy.exposeOnLan && fake.saved.exposeOnLan !== fake.running.exposeOnLan) ||
      fake.saved.dataDir !== fake.running.dataDir,
  });
  // How ipcRenderer.invoke rejects when the handler in main throws.
  const remoteError = (channel, message) => new Error(`Error invoking remote method '${channel}': Error: ${message}`);
  window.aula = Object.freeze({
    isDesktop: true,
    appVersion: async () => {
      calls.push(['appVersion']);
      return fake.version;
    },
    getSettings: async () => {
      calls.push(['getSettings']);
      return view();
    },
    updateSettings: async (patch) => {
      calls.push(['updateSettings', patch]);
      Object.assign(fake.saved, patch);
      return view();
    },
    chooseDataFolder: async () => {
      calls.push(['chooseDataFolder']);
      if (!fake.chosenFolder) return { chosen: false };
      fake.saved.dataDir = fake.chosenFolder;
      return { chosen: true, dataDir: fake.chosenFolder, restartRequired: view().restartRequired };
    },
    openDataFolder: async () => {
      calls.push(['openDataFolder']);
      if (fake.openFails) throw remoteError('aula:open-data-folder', fake.openFails);
    },
    relaunch: async () => {
      calls.push(['relaunch']);
    },
    setLanguage: async (language) => {
      calls.push(['setLanguage', language]);
    },
    saveExport: async () => ({ saved: false }),
  });
})();

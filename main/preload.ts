// Runs in the sandboxed preload of the dashboard window; bundled to CommonJS (sandboxed preloads cannot be ESM).
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './preload-bridge.js';

contextBridge.exposeInMainWorld(
  'aula',
  createDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);

import path from 'node:path';

/**
 * Where the app's files are, from the folder Electron loads the app from (`app.getAppPath()`: the project root
 * when run from source, `…/resources/app.asar` when packaged). The layout is the same in both: see
 * scripts/build-main.mjs and electron-builder.yml `files`.
 */
export function appPaths(appRoot: string) {
  return {
    dashboardDir: path.join(appRoot, 'renderer', 'dist'),
    preload: path.join(appRoot, 'dist', 'main', 'preload.cjs'),
    icon: path.join(appRoot, 'build', 'icon.png'),
    trayIcon: path.join(appRoot, 'build', 'tray.png'),
  };
}

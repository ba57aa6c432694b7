/** The slice of Electron's `app` that the single-instance lock uses. */
export interface InstanceLockApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/**
 * One Aula per user: two would fight over the port and the database. A second launch (a teacher double-clicking
 * again because the window is hidden in the tray) quits itself and makes the first one show its window.
 * Returns false when this process is the second one and is quitting.
 */
export function claimSingleInstance(app: InstanceLockApp, onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondLaunch);
  return true;
}

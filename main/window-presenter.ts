/** The slice of BrowserWindow the presenter uses. */
export interface PresentableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Shows the dashboard window, creating it when there is none. Closing the window destroys it (the collector keeps
 * running in the tray), so "Open dashboard" and a second launch both come here.
 */
export function createWindowPresenter<W extends PresentableWindow>(create: () => W) {
  let window: W | undefined;
  return {
    show(): W {
      if (!window || window.isDestroyed()) {
        window = create();
        return window;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return window;
    },
    current(): W | undefined {
      return window && !window.isDestroyed() ? window : undefined;
    },
  };
}

import type { MenuItemConstructorOptions } from 'electron';
import { t } from './i18n/setup.js';

/** The tray menu as plain data, so its content is tested without Electron; index.ts turns it into a Menu. */
export type TrayAction = 'open-dashboard' | 'copy-address' | 'open-data-folder' | 'quit';

export type TrayItem =
  | { type: 'action'; label: string; action: TrayAction }
  | { type: 'info'; label: string }
  | { type: 'separator' };

export interface TrayState {
  /** Undefined while the collector is starting or stopped. */
  collector?: { lanUrls: string[]; url: string };
}

/** Shown in full in the menu; a laptop with many adapters would otherwise grow a very tall menu. */
const MAX_ADDRESSES = 4;

/** Addresses games should use: LAN ones first; the loopback one only when there is nothing else. */
export function gameAddresses(lanUrls: string[]): string[] {
  const lan = lanUrls.filter((url) => !/^http:\/\/(127\.|\[::1\]|localhost)/.test(url));
  return lan.length > 0 ? lan : lanUrls;
}

export function trayMenu(state: TrayState): TrayItem[] {
  const items: TrayItem[] = [{ type: 'action', label: t('tray.openDashboard'), action: 'open-dashboard' }, { type: 'separator' }];
  if (state.collector) {
    const addresses = gameAddresses(state.collector.lanUrls);
    items.push({ type: 'info', label: t('tray.addressForGames') });
    for (const address of addresses.slice(0, MAX_ADDRESSES)) items.push({ type: 'info', label: `  ${address}` });
    if (addresses.length > 0) items.push({ type: 'action', label: t('tray.copyAddress'), action: 'copy-address' });
  } else {
    items.push({ type: 'info', label: t('tray.notRunning') });
  }
  items.push(
    { type: 'separator' },
    { type: 'action', label: t('tray.openDataFolder'), action: 'open-data-folder' },
    { type: 'separator' },
    { type: 'action', label: t('tray.quit'), action: 'quit' },
  );
  return items;
}

export function trayTooltip(state: TrayState): string {
  const first = state.collector ? gameAddresses(state.collector.lanUrls)[0] : undefined;
  return first ? t('tray.collectingAt', { address: first }) : 'Aula';
}

/** Electron's menu template for the model; `onAction` runs the clicked item's action. */
export function toMenuTemplate(items: TrayItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'info') return { label: item.label, enabled: false };
    return { label: item.label, click: () => onAction(item.action) };
  });
}

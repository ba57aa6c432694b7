import type { MdnsOffReason } from '../../../server/admin/api-types.js';
import { t } from '../i18n/setup';

/** Why the LAN name is off, in the teacher's words; Settings and Diagnostics say the same. */
export function mdnsOffReason(reason: MdnsOffReason): string {
  switch (reason) {
    case 'switched-off':
      return t('settings:mdns.reasons.switchedOff');
    case 'off-in-settings':
      return t('settings:mdns.reasons.offInSettings');
    case 'not-on-lan':
      return t('settings:mdns.reasons.notOnLan');
  }
}

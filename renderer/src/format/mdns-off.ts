import type { MdnsOffReason } from '../../../server/admin/api-types.js';

/** Why the LAN name is off, in the teacher's words; Settings and Diagnostics say the same. */
export function mdnsOffReason(reason: MdnsOffReason): string {
  switch (reason) {
    case 'switched-off':
      return 'switched off with --no-mdns or AULA_MDNS=0';
    case 'off-in-settings':
      return 'switched off in the settings';
    case 'not-on-lan':
      return 'Aula listens on this computer only';
  }
}

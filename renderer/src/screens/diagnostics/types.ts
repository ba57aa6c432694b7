/** The shapes of `/admin/api/diagnostics` (server/diagnostics/read-diagnostics.ts), as the screen reads them. */
import type { DiagnosticGroup, DiagnosticItem, DiagnosticKind } from '../../../../server/admin/api-types.js';

export type { DiagnosticGroup, DiagnosticItem, DiagnosticKind };

export type MdnsInfo =
  | {
      enabled: true;
      state: 'probing' | 'announced' | 'failed' | 'stopped';
      requested: string;
      hostName: string;
      conflict: string | null;
      addresses: string[];
      error: string | null;
    }
  | { enabled: false; reason: 'switched-off' | 'off-in-settings' | 'not-on-lan' };

export interface Diagnostics {
  generatedAt: string;
  mdns: MdnsInfo;
  lastLanClient: { time: string; address: string } | null;
  firstRun: { waitingSince: string; port: number; addresses: string[] } | null;
  groups: DiagnosticGroup[];
}

/** The shapes of `/admin/api/diagnostics` (server/diagnostics/read-diagnostics.ts), as the screen reads them. */
export type DiagnosticKind =
  | 'unknown-code'
  | 'activity-closed'
  | 'not-allowed'
  | 'invalid-track'
  | 'unknown-token'
  | 'login-failed'
  | 'silent-games'
  | 'other';

export interface DiagnosticItem {
  time: string;
  address: string | null;
  detail: string;
  count: number;
  sample: string | null;
  suggestion: string | null;
  activity: string | null;
  sessionId: number | null;
}

export interface DiagnosticGroup {
  kind: DiagnosticKind;
  title: string;
  count: number;
  items: DiagnosticItem[];
}

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
  | { enabled: false; reason: 'switched-off' | 'not-on-lan' };

export interface Diagnostics {
  generatedAt: string;
  mdns: MdnsInfo;
  lastLanClient: { time: string; address: string } | null;
  firstRun: { waitingSince: string; port: number; addresses: string[] } | null;
  groups: DiagnosticGroup[];
}

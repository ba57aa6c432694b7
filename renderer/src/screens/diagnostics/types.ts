/** The shapes of `/admin/api/diagnostics` (server/diagnostics/read-diagnostics.ts), as the screen reads them. */
export type { DiagnosticGroup, DiagnosticItem, DiagnosticKind, Diagnostics, DiagnosticsSession, MdnsInfo } from '../../../../server/admin/api-types.js';

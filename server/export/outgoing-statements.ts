import { normalizeStatement, type StoredStatementRow } from '../normalize/index.js';
import { validateXapiStatement } from '../xapi/validation/validate-statement.js';
import { type ExportSettings, hideAgents } from './pseudonymous-agents.js';
import { asCollected, type OriginColumns, settingsForOrigin } from './statement-origin.js';

export interface Outgoing {
  statement: Record<string, unknown>;
  /** null when valid xAPI 1.0.x; else "<path> <reason>" (N-9). */
  problem: string | null;
}

/**
 * The normalised statement (pseudonymised when the settings carry the salt: every agent, not only RAGE players) and
 * the verdict of the same validator the xAPI resource uses, checked before it leaves. A statement collected by
 * another Aula is normalised with that installation's home page and namespace (statement-origin.ts).
 */
export function outgoingStatement(received: StoredStatementRow & OriginColumns, settings: ExportSettings): Outgoing {
  const own = settingsForOrigin(received, settings);
  const row = asCollected(received);
  const statement = hideAgents(normalizeStatement(row, own), row, own);
  return { statement, problem: validateXapiStatement(statement, { version: '1.0' }) };
}

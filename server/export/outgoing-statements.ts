import { normalizeStatement, type StoredStatementRow } from '../normalize/index.js';
import { validateXapiStatement } from '../xapi/validation/validate-statement.js';
import { type ExportSettings, hideAgents } from './pseudonymous-agents.js';

export interface Outgoing {
  statement: Record<string, unknown>;
  /** null when valid xAPI 1.0.x; else "<path> <reason>" (N-9). */
  problem: string | null;
}

/**
 * The normalised statement (pseudonymised when the settings carry the salt: every agent, not only RAGE players) and
 * the verdict of the same validator the xAPI resource uses, checked before it leaves.
 */
export function outgoingStatement(row: StoredStatementRow, settings: ExportSettings): Outgoing {
  const statement = hideAgents(normalizeStatement(row, settings), row, settings);
  return { statement, problem: validateXapiStatement(statement, { version: '1.0' }) };
}

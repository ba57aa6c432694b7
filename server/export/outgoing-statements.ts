import { type NormalizeSettings, normalizeStatement, type StoredStatementRow } from '../normalize/index.js';
import { validateXapiStatement } from '../xapi/validation/validate-statement.js';

export interface Outgoing {
  statement: Record<string, unknown>;
  /** null when valid xAPI 1.0.x; else "<path> <reason>" (N-9). */
  problem: string | null;
}

/** The normalised statement and the verdict of the same validator the xAPI resource uses, checked before it leaves. */
export function outgoingStatement(row: StoredStatementRow, settings: NormalizeSettings): Outgoing {
  const statement = normalizeStatement(row, settings);
  return { statement, problem: validateXapiStatement(statement, { version: '1.0' }) };
}

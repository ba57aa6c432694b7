import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/** A refused request as the diagnostics screen lists it (contract C-6.6 SHOULD). */
export interface RejectionRow {
  time: string;
  route: string;
  address: string | null;
  sessionId: number | null;
  status: number;
  message: string;
  sample: string | null;
}

export function insertRejection(db: Db, row: RejectionRow): void {
  prepared(
    db,
    'INSERT INTO rejected_requests (time, route, address, session_id, status, message, sample) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(row.time, row.route, row.address, row.sessionId, row.status, row.message, row.sample);
}

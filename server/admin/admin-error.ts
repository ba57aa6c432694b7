import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/send.js';

/** The admin API's one error shape (DESIGN.md): `{"error":{"reason":"kebab-code","message":"…"}}`. */
export function sendAdminError(res: ServerResponse, status: number, reason: string, message: string): void {
  sendJson(res, status, { error: { reason, message } });
}

/** Thrown by handlers; the router's error handler turns it into the admin error shape. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

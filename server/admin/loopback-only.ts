import type { NextFunction, Request, Response } from 'express';
import { sendAdminError } from './admin-error.js';

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The dashboard's API answers only this machine for now (DESIGN.md security model); the teacher key for other
 * hosts comes later. The socket address is used, never a forwarded header a client could write.
 */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isLoopbackAddress(req.socket.remoteAddress)) return next();
  sendAdminError(res, 403, 'loopback-only', 'The dashboard can only be used on the computer running Aula.');
}

import type { IncomingMessage } from 'node:http';
import { isLoopbackAddress } from '../admin/loopback-only.js';

/**
 * The one question "is this the teacher?" for the dashboard and the public check page. Today: a request from this
 * computer (the socket's address, never a forwarded header). The teacher key from other devices extends this.
 */
export function isTeacherRequest(req: IncomingMessage): boolean {
  return isLoopbackAddress(req.socket.remoteAddress);
}

import http from 'node:http';
import { isIPv6 } from 'node:net';

export interface AddressedReply {
  status: number;
  text: string;
}

/**
 * A request to the collector from a chosen loopback address (all of 127.0.0.0/8 is loopback on Linux): a device of
 * its own, for what Aula keeps or limits per address. From an IPv6 address (one added to the loopback interface, see
 * ipv6-loopback.ts) it goes to ::1, so the collector must listen on IPv6 too (host `::`).
 */
export function requestFrom(
  localAddress: string,
  port: number,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<AddressedReply> {
  return new Promise((resolve, reject) => {
    const body = request.body ?? '';
    const req = http.request(
      {
        host: isIPv6(localAddress) ? '::1' : '127.0.0.1',
        port,
        localAddress,
        method: request.method,
        path: request.path,
        agent: false,
        headers: { 'Content-Length': Buffer.byteLength(body), ...request.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A JSON POST from a chosen loopback address. */
export function postJsonFrom(localAddress: string, port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<AddressedReply> {
  return requestFrom(localAddress, port, {
    method: 'POST',
    path,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

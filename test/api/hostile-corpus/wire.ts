import net from 'node:net';
import type { Answer, Wire } from './types.js';

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Leave out Content-Length (no body framing at all). */
  noLength?: boolean;
}

/** Request bytes as a client would send them; nothing added except Host, Connection: close and Content-Length. */
export function http(spec: RequestSpec): Wire {
  const body = spec.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body, 'utf8');
  const headers: Record<string, string> = { Host: 'aula.test', Connection: 'close', ...spec.headers };
  const lower = Object.keys(headers).map((name) => name.toLowerCase());
  if (!spec.noLength && !lower.includes('content-length') && !lower.includes('transfer-encoding')) {
    headers['Content-Length'] = String(body.length);
  }
  const head = `${spec.method ?? 'POST'} ${spec.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return { bytes: Buffer.concat([Buffer.from(head, 'latin1'), body]) };
}

export const json = (path: string, body: unknown, headers: Record<string, string> = {}): Wire =>
  http({ path, headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** Sends the bytes and reads until the server closes the connection (or `timeoutMs` passes: then the socket is closed by us). */
export function exchange(port: number, wire: Wire, timeoutMs = 20_000): Promise<Answer & { closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closedByServer = true;
    let stalled = false;
    const timer = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    // A server may answer and close before it has read everything (413): the write errors are expected then.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      stalled = true;
      resolve({ ...parseAnswer(Buffer.concat(chunks)), closedByServer });
    });
    const pieces = Array.isArray(wire.bytes) ? wire.bytes : [wire.bytes];
    const sendNext = (index: number) => {
      if (stalled || index >= pieces.length) return;
      socket.write(pieces[index] as Buffer);
      setTimeout(() => sendNext(index + 1), wire.pauseMs ?? 0);
    };
    socket.on('connect', () => sendNext(0));
  });
}

function parseAnswer(data: Buffer): Answer {
  const split = data.indexOf('\r\n\r\n');
  if (split < 0) return { status: null, headers: {}, body: '' };
  const [statusLine, ...lines] = data.subarray(0, split).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = data.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  return { status: Number(statusLine?.split(' ')[1]), headers, body: body.toString('utf8') };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n', at);
    if (end < 0) break;
    const size = Number.parseInt(data.subarray(at, end).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

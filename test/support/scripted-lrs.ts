import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = Record<string, unknown>;

export interface LrsRequest {
  method: string;
  url: URL;
  body: Buffer;
  /** The body as the statements a POST or PUT carries. */
  statements(): Json[];
}

/** Answers with `value` as JSON, or as it is when it is a string (an HTML error page of a proxy, say). */
export type LrsSend = (status: number, value?: unknown, headers?: Record<string, string>) => void;

export interface ScriptedLrs {
  server: http.Server;
  /** The xAPI endpoint, as a researcher types it: `http://127.0.0.1:<port>/xapi`. */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * A stand-in LRS for what a real one (test/support/learning-locker.ts) cannot be made to do on purpose: answer like
 * TRAX, refuse a size, be overloaded, hold voided statements. It answers `/xapi/about` itself; `handle` decides the
 * rest, with the stores the test keeps.
 */
export async function startScriptedLrs(handle: (request: LrsRequest, send: LrsSend) => void): Promise<ScriptedLrs> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://lrs');
      const send: LrsSend = (status, value, headers = {}) => {
        const text = typeof value === 'string';
        res.writeHead(status, { 'Content-Type': text ? 'text/html' : 'application/json', 'X-Experience-API-Version': '1.0.3', ...headers });
        res.end(value === undefined ? '' : text ? value : JSON.stringify(value));
      };
      if (url.pathname === '/xapi/about') return send(200, { version: ['1.0.3'] });
      const body = Buffer.concat(chunks);
      handle({ method: req.method ?? 'GET', url, body, statements: () => JSON.parse(body.toString('utf8')) as Json[] }, send);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

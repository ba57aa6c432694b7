import type { IncomingMessage, ServerResponse } from 'node:http';

/** A2's headers (contract C-10.1, C-10.2): browser games run on another origin than the collector. */
export const RAGE_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Origin, X-Requested-With, Content-Type, Accept, Authorization',
  'Access-Control-Allow-Methods': 'OPTIONS, GET, POST, PUT, DELETE',
  'Access-Control-Allow-Credentials': 'true',
};

export function applyRageCors(req: IncomingMessage, res: ServerResponse): void {
  for (const [name, value] of Object.entries(RAGE_CORS_HEADERS)) res.setHeader(name, value);
  if (req.headers['access-control-request-private-network'] === 'true') {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
}

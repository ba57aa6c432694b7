import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { recordRejectionFrom } from '../collector/refusals.js';
import type { AppContext } from '../context.js';
import { answeredBeforeItsBodyEnded } from '../http/drop-oversized.js';

/** The route under which a game's https:// connection to Aula's http:// port is kept for the teacher's diagnostics. */
export const TLS_ROUTE = 'tls';

/** What the teacher's diagnostics list (the game gets no answer it can read: it expected TLS). */
export const TLS_MESSAGE = 'A game connected with https:// to this port, which speaks http:// only';

/** A TLS record starts with its type, 22 (handshake), then the protocol's major version, 3 (SSL 3.0 to TLS 1.3). */
function isTlsHandshake(packet: unknown): boolean {
  return Buffer.isBuffer(packet) && packet.length >= 2 && packet[0] === 0x16 && packet[1] === 0x03;
}

/** Node's own answers to a request it cannot read (lib/_http_server.js), sent when no 'clientError' listener is set. */
const NODE_ANSWERS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * A game whose host was set without `http://` (js-tracker then uses https, with the port given: `192.168.1.10:3000`)
 * opens a TLS connection to Aula's port: before, its start failed and the teacher's diagnostics showed nothing, as
 * nothing it sent was HTTP. The TLS handshake is recognised in the bytes Node could not parse and listed, by address.
 * A listener takes Node's own answer over, so this one answers as Node does (but never a second time).
 */
export function watchTlsAttempts(ctx: AppContext, server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Duplex & { _httpMessage?: { headersSent?: boolean } | null }) => {
    if (isTlsHandshake(error.rawPacket)) {
      const address = (socket as { remoteAddress?: string }).remoteAddress;
      recordRejectionFrom(ctx, address, TLS_ROUTE, 400, TLS_MESSAGE);
    }
    // Not after an answer already sent to the request still arriving (an oversized body being dropped): a 408 then is a
    // second answer on a connection whose client read the first.
    if (socket.writable && !socket._httpMessage?.headersSent && !answeredBeforeItsBodyEnded(socket)) {
      const status = NODE_ANSWERS[error.code ?? ''] ?? 400;
      socket.write(`HTTP/1.1 ${status} ${REASONS[status]}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy(error);
  });
}

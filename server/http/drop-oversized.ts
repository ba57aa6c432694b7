import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { declaredLength } from './read-body.js';

/** How much of an oversized body is read and dropped after its 413; beyond it, the connection is closed. */
const DROP_OVERSIZED_BYTES = 64 * 1024 * 1024;

/** Connections whose request has its answer while the rest of its body is still being dropped. */
const answeredWhileDropping = new WeakSet<Duplex>();

/**
 * Whether the request this connection is receiving was answered already (its oversized body is being dropped): Node's
 * 408 at the request timeout would be a second answer after the 413 the client read, so the connection is only closed
 * (tls-attempts.ts, the server's 'clientError' listener).
 */
export function answeredBeforeItsBodyEnded(socket: Duplex): boolean {
  return answeredWhileDropping.has(socket);
}

/**
 * The rest of an oversized body is read and dropped, up to DROP_OVERSIZED_BYTES, so that the game reads its 413: a
 * client that writes its whole body before reading the answer (js-tracker's `request`, Java's HttpURLConnection) got a
 * broken pipe (EPIPE) instead when the connection was closed at once, and its developer never saw "too large". A body
 * beyond that is not worth reading: answer, then close. Nothing is kept; a body from which nothing arrives for
 * `stallAfterMs` has its connection closed, as a stalled body being read does (body-stall.ts): else a client that
 * stopped sending held the connection until the request timeout, two minutes on.
 */
export function dropRestOrClose(req: IncomingMessage, res: ServerResponse, stallAfterMs: number): void {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > DROP_OVERSIZED_BYTES) {
    res.setHeader('Connection', 'close');
    return;
  }
  if (req.readableEnded) return;
  const { socket } = req;
  answeredWhileDropping.add(socket);
  const stall = setTimeout(() => socket.destroy(), stallAfterMs).unref();
  const done = () => {
    clearTimeout(stall);
    answeredWhileDropping.delete(socket);
  };
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    stall.refresh();
    dropped += chunk.length;
    if (dropped > DROP_OVERSIZED_BYTES) socket.destroy();
  });
  req.once('end', done);
  req.once('close', done);
  req.resume();
}

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Requests whose `100 Continue` waits until their route starts reading the body. */
const awaitingContinue = new WeakMap<IncomingMessage, ServerResponse>();

/**
 * The server's `checkContinue` listener. A client that sends `Expect: 100-continue` (UnityWebRequest does by
 * default, so most Unity games) waits for `100 Continue` before it uploads its body. Node's default sends it at once;
 * here the requests `defers` picks (the ingest routes) get it only when their route reads the body
 * (`continueIfAwaited`). A game refused before that (503 over the in-flight budget, 413 by its declared length, 401)
 * is answered without having uploaded its backlog: in a reconnect storm over the classroom's Wi-Fi, each refusal
 * was a whole backlog sent and read for nothing. Node closes such a connection after the answer, as it must: the
 * client may still send the body. Every other request gets `100 Continue` at once, as before (contract C-1.8).
 */
export function continueWhenRead(listener: RequestListener, defers: (req: IncomingMessage) => boolean): RequestListener {
  return (req, res) => {
    if (defers(req)) awaitingContinue.set(req, res);
    else res.writeContinue();
    listener(req, res);
  };
}

/** Sends the `100 Continue` a deferred request is waiting for; nothing for any other request. */
export function continueIfAwaited(req: IncomingMessage): void {
  const res = awaitingContinue.get(req);
  if (!res) return;
  awaitingContinue.delete(req);
  if (!res.headersSent) res.writeContinue();
}

import assert from 'node:assert/strict';

export interface SseMessage {
  id: string | undefined;
  event: string;
  data: Record<string, unknown>;
}

/** A minimal EventSource over fetch, so the test can send Last-Event-ID itself and read every frame. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let split = buffer.indexOf('\n\n');
        while (split >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.has('event')) {
            messages.push({ id: fields.get('id'), event: fields.get('event') as string, data: JSON.parse(fields.get('data') ?? '{}') });
            for (const wake of waiters.splice(0)) wake();
          }
          split = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    /** Resolves once a message satisfies the predicate (the test's own timeout bounds the wait). */
    async until(predicate: (messages: SseMessage[]) => boolean): Promise<SseMessage[]> {
      while (!predicate(messages)) await new Promise<void>((resolve) => waiters.push(resolve));
      return messages;
    },
    close: () => controller.abort(),
  };
}


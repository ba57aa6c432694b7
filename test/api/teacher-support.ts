import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface FromOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A request whose socket starts at `from`: with a LAN address (or another namespace's), Aula sees another computer. */
export function requestFrom(from: string | undefined, url: string, options: FromOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const request = http.request(url, { method: options.method ?? 'GET', localAddress: from, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => {
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** Posts the key page's form as a browser would. */
export function enterKey(from: string | undefined, base: string, key: string): Promise<Answer> {
  return requestFrom(from, `${base}/teacher`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ key }).toString(),
  });
}

/** `name=value` of the Set-Cookie a response carries, ready for a Cookie header. */
export function cookieOf(answer: Answer): string {
  const setCookie = answer.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error(`no Set-Cookie in the answer (${answer.status})`);
  return setCookie.split(';')[0] as string;
}

export interface OpenStream {
  status: number;
  /** Resolves with everything received once `done` says so; rejects if the stream ends first. */
  until(done: (text: string) => boolean): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens the SSE stream from an address, with headers (the cookie). */
export function openStreamFrom(from: string | undefined, url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { localAddress: from, headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (response) => {
      let text = '';
      const waiters: Array<() => void> = [];
      let finished = false;
      const ended = new Promise<void>((done) => {
        const finish = () => {
          finished = true;
          for (const wake of waiters.splice(0)) wake();
          done();
        };
        response.on('end', finish);
        response.on('close', finish);
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        for (const wake of waiters.splice(0)) wake();
      });
      resolve({
        status: response.statusCode ?? 0,
        ended,
        async until(done) {
          for (;;) {
            if (done(text)) return text;
            if (finished) throw new Error(`the stream ended before the expected event:\n${text}`);
            await new Promise<void>((wake) => waiters.push(wake));
          }
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

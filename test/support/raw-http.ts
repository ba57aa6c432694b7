import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given (no header added by a client library) and reads one response: needed to reproduce
 * the C# tracker's POST without Content-Length and Java's empty form body (fixtures README, "Replaying").
 */
export function rawRequest(port: number, head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    const finish = () => {
      const text = data.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return false;
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      const bodyBytes = data.subarray(Buffer.byteLength(text.slice(0, split + 4)));
      if (bodyBytes.length < length) return false;
      socket.destroy();
      resolve({ status: Number(statusLine?.split(' ')[1]), headers, body: bodyBytes.subarray(0, length).toString('utf8') });
      return true;
    };
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      finish();
    });
    socket.on('error', reject);
    socket.on('end', () => {
      if (!finish()) reject(new Error(`connection closed before a full response: ${data.toString('utf8')}`));
    });
    socket.write(head + body);
  });
}

/** Builds a request head from a method, path and header pairs, in the given order and letter case. */
export function requestHead(method: string, path: string, headers: Array<[string, string]>): string {
  return `${method} ${path} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/**
 * One keep-alive connection written to piece by piece, with its responses read one at a time: shows what the server
 * answers before a body has fully arrived, and that the connection still serves the next request afterwards.
 */
export class RawConnection {
  private data = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.data = Buffer.concat([this.data, chunk]);
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(text, (error) => (error ? reject(error) : resolve())));
  }

  /** The next whole response (Content-Length framed); fails if the connection closes first. */
  async nextResponse(): Promise<RawResponse> {
    for (;;) {
      const response = this.takeResponse();
      if (response) return response;
      if (this.closed) throw new Error(`connection closed before a full response: ${this.data.toString('utf8')}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
      this.waiting = undefined;
    }
  }

  /** Resolves once the server has closed the connection (with nothing left unread by `nextResponse`). */
  async closedByServer(): Promise<void> {
    while (!this.closed) {
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
      this.waiting = undefined;
    }
  }

  /** What the server sent that `nextResponse` has not taken (after a last answer: bytes it should not have sent). */
  unread(): string {
    return this.data.toString('latin1');
  }

  close(): void {
    this.socket.destroy();
  }

  private takeResponse(): RawResponse | undefined {
    const split = this.data.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const [statusLine, ...lines] = this.data.subarray(0, split).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (this.data.length < split + 4 + length) return undefined;
    const body = this.data.subarray(split + 4, split + 4 + length).toString('utf8');
    this.data = this.data.subarray(split + 4 + length);
    return { status: Number(statusLine?.split(' ')[1]), headers, body };
  }
}

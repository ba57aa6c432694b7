import net from 'node:net';
import type { Answer } from './load-client.js';

const HEAD_END = Buffer.from('\r\n\r\n');

interface Waiting {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

/**
 * One simulated game's keep-alive connection, one request at a time as the trackers send them. It writes each request
 * in one piece and reads only the status line, Content-Length, Connection and Retry-After of the answer. Node's http
 * client cost more CPU per request (about 120-140 µs per 10-statement batch) than the null server it was measuring,
 * on the same two cores: the null server ran at the load generator's speed (75-99k statements/s) instead of its own
 * (about 175k, what issue 8 gives as this machine's ceiling), and every server was measured with a third of the
 * machine taken by the load generator. The answers are Aula's and the null server's, always with Content-Length.
 */
export class RawHttpClient {
  private socket: net.Socket | undefined;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: Waiting | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  post(path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
    const socket = this.connected();
    let head = `POST ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(`${head}\r\n${body}`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connected(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.connect(this.port, this.host);
    socket.setNoDelay(true);
    this.buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    const fail = (error: Error) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before the answer')));
    this.socket = socket;
    return socket;
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const end = headEnd + HEAD_END.length + length;
    if (this.buffered.length < end) return;
    const body = this.buffered.toString('utf8', headEnd + HEAD_END.length, end);
    this.buffered = this.buffered.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (/\r\nconnection: *close/i.test(head)) this.close();
    waiting?.resolve({ status: Number(head.slice(9, 12)), body, retryAfter: /\r\nretry-after: *([^\r]*)/i.exec(head)?.[1] });
  }
}

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

import { Agent, request } from 'node:http';

/** An HTTP answer as a test reads it. */
export interface TestAnswer {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
}

// node:http with keep-alive rather than fetch: inside Jest's module sandbox undici costs about
// three times the CPU per request, which matters for the 10,000-request fuzz run.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs `body` with `headers` and reads the whole answer. */
export function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<TestAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const raw = response.headers;
        resolve({ status: response.statusCode ?? 0, headers: { get: (name) => (raw[name.toLowerCase()] as string | undefined) ?? null }, text, json });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** GETs a URL; resolves with the status. */
export function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as a simulator handler sees it. */
export interface SimulatorRequest {
  method: string;
  /** Path with query, as sent (signatures cover it). */
  url: string;
  path: string;
  query: URLSearchParams;
  params: string[];
  headers: IncomingMessage['headers'];
  body: string;
}

/** What a handler answers. */
export interface SimulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

type Handler = (request: SimulatorRequest) => SimulatorResponse | Promise<SimulatorResponse>;

const MAX_BODY_BYTES = 1_000_000;

/** Reads a request body as UTF-8 text (refusing bodies over 1 MB). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A minimal router for the simulators' plain node:http servers: method + path pattern → handler,
 * path groups as `params`. Unknown routes answer 404; a throwing handler answers 500.
 */
export class SimulatorRouter {
  private readonly routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];

  on(method: string, pattern: RegExp, handler: Handler): this {
    this.routes.push({ method, pattern, handler });
    return this;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let answer: SimulatorResponse;
    try {
      const url = request.url ?? '/';
      const parsed = new URL(url, 'http://simulator.invalid');
      const route = this.routes.find((candidate) => candidate.method === request.method && candidate.pattern.test(parsed.pathname));
      const body = await readBody(request);
      answer = route
        ? await route.handler({ method: request.method ?? 'GET', url, path: parsed.pathname, query: parsed.searchParams, params: (route.pattern.exec(parsed.pathname) ?? []).slice(1).map(decodeURIComponent), headers: request.headers, body })
        : { status: 404, body: JSON.stringify({ code: 'NOT_FOUND', message: `no route ${request.method} ${parsed.pathname}` }) };
    } catch (error) {
      answer = { status: 500, body: JSON.stringify({ code: 'SYSTEM_ERROR', message: error instanceof Error ? error.message : String(error) }) };
    }
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    response.end(answer.body ?? '');
  }
}

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimulatorResponse {
  return { status, headers, body: JSON.stringify(value) };
}

import { connect, type Socket } from 'node:net';
import { HttpResponseReader } from './http-response-reader';

interface Waiting {
  request: Buffer;
  resolve: (status: number) => void;
}

/** One keep-alive connection with at most one request in flight (no pipelining, like a provider's client). */
class Connection {
  private readonly reader = new HttpResponseReader();
  private inFlight: ((status: number) => void) | undefined;
  closed = false;
  /** When the last answer arrived (ms, performance clock). */
  idleSince = 0;

  constructor(
    private readonly socket: Socket,
    private readonly onFree: (connection: Connection) => void,
    private readonly onClosed: (connection: Connection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', () => undefined);
    // The server ending the connection (its keep-alive timeout) takes it out of the pool at once.
    socket.on('end', () => this.close());
    socket.on('close', () => this.close());
  }

  send(request: Buffer, resolve: (status: number) => void): void {
    this.inFlight = resolve;
    this.socket.write(request);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    for (const head of this.reader.push(chunk)) {
      const resolve = this.inFlight;
      this.inFlight = undefined;
      resolve?.(head.status);
      this.idleSince = performance.now();
      if (head.reusable) this.onFree(this);
      else this.socket.destroy();
    }
  }

  // A connection lost with a request in flight is a transport error (status 0), never retried.
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.inFlight?.(0);
    this.inFlight = undefined;
    this.onClosed(this);
  }
}

/**
 * node's gateway answers `Keep-Alive: timeout=5`: a connection idle longer may be closing on the
 * server side as we write to it, so, like node:http's Agent, we drop it a second earlier.
 */
const MAX_IDLE_MS = 4_000;

/**
 * Keep-alive connections to one HTTP server, opened on demand up to `maxConnections`; requests
 * beyond that wait for a free connection (as node:http's Agent does with `maxSockets`). The most
 * recently freed connection is reused first, so the ones not needed go idle and are dropped.
 */
export class KeepAlivePool {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly waiting: Waiting[] = [];
  private waitingHead = 0;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly maxConnections: number,
  ) {}

  /** Sends pre-encoded request bytes; resolves with the answer's status, 0 on a transport error. */
  send(request: Buffer): Promise<number> {
    return new Promise((resolve) => {
      const connection = this.takeIdle() ?? this.open();
      if (connection) connection.send(request, resolve);
      else this.waiting.push({ request, resolve });
    });
  }

  /** Closes every connection. */
  destroy(): void {
    for (const connection of this.all) connection.destroy();
  }

  private takeIdle(): Connection | undefined {
    const now = performance.now();
    for (let connection = this.idle.pop(); connection; connection = this.idle.pop()) {
      if (now - connection.idleSince < MAX_IDLE_MS) return connection;
      connection.destroy();
    }
    return undefined;
  }

  private open(): Connection | undefined {
    if (this.all.size >= this.maxConnections) return undefined;
    const socket = connect({ host: this.host, port: this.port });
    const connection = new Connection(socket, (free) => this.released(free), (gone) => this.lost(gone));
    this.all.add(connection);
    return connection;
  }

  private released(connection: Connection): void {
    const next = this.nextWaiting();
    if (next) connection.send(next.request, next.resolve);
    else this.idle.push(connection);
  }

  private lost(connection: Connection): void {
    this.all.delete(connection);
    const index = this.idle.indexOf(connection);
    if (index !== -1) this.idle.splice(index, 1);
    const next = this.nextWaiting();
    if (!next) return;
    const replacement = this.open();
    if (replacement) replacement.send(next.request, next.resolve);
    else next.resolve(0);
  }

  // A moving head instead of shift(): the queue can hold thousands when the server falls behind.
  private nextWaiting(): Waiting | undefined {
    const next = this.waiting[this.waitingHead];
    if (!next) return undefined;
    this.waitingHead += 1;
    if (this.waitingHead === this.waiting.length) {
      this.waiting.length = 0;
      this.waitingHead = 0;
    }
    return next;
  }
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** One complete answer read off a keep-alive connection. */
export interface ResponseHead {
  status: number;
  /** False when the server asked to close, or framed the body without a length we can follow. */
  reusable: boolean;
}

/**
 * Reads HTTP/1.1 answers off a byte stream: status line, headers, then `content-length` bytes of
 * body, which are skipped (the benchmark only needs the status). Answers without a
 * content-length make the connection unusable afterwards, which the caller handles by closing it.
 */
export class HttpResponseReader {
  private pending: Buffer = Buffer.alloc(0);
  private bodyLeft = -1;
  private head: ResponseHead | undefined;

  /** Feeds received bytes; returns the answers they completed, in order. */
  push(chunk: Buffer): ResponseHead[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const complete: ResponseHead[] = [];
    for (;;) {
      if (this.head === undefined && !this.readHead()) return complete;
      if (this.pending.length < this.bodyLeft) return complete;
      this.pending = this.pending.subarray(this.bodyLeft);
      complete.push(this.head as ResponseHead);
      this.head = undefined;
    }
  }

  private readHead(): boolean {
    const end = this.pending.indexOf(HEAD_END);
    if (end === -1) return false;
    const text = this.pending.toString('latin1', 0, end).toLowerCase();
    const length = /\r\ncontent-length: *(\d+)/.exec(text);
    const status = Number(text.slice(9, 12));
    this.head = { status: Number.isInteger(status) ? status : 0, reusable: length !== null && !/\r\nconnection: *close/.test(text) };
    this.bodyLeft = length ? Number(length[1]) : 0;
    this.pending = this.pending.subarray(end + HEAD_END.length);
    return true;
  }
}

import { HttpResponseReader } from './http-response-reader';

const answer = (status: number, body: string, extra = '') =>
  `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Keep-Alive: timeout=5\r\n\r\n${body}`;

describe('HttpResponseReader', () => {
  it('reads answers however the bytes are split, body included', () => {
    const stream = Buffer.from(answer(200, '{"code":"SUCCESS"}') + answer(401, '{"code":"FAIL","message":"nonce"}') + answer(200, 'success'));
    for (let cut = 1; cut < stream.length; cut += 1) {
      const reader = new HttpResponseReader();
      const heads = [...reader.push(stream.subarray(0, cut)), ...reader.push(stream.subarray(cut))];
      expect(heads).toEqual([
        { status: 200, reusable: true },
        { status: 401, reusable: true },
        { status: 200, reusable: true },
      ]);
    }
  });

  it('does not complete an answer before its whole body arrived', () => {
    const reader = new HttpResponseReader();
    const text = answer(500, '{"code":"SYSTEM_ERROR"}');
    expect(reader.push(Buffer.from(text.slice(0, -1)))).toEqual([]);
    expect(reader.push(Buffer.from(text.slice(-1)))).toEqual([{ status: 500, reusable: true }]);
  });

  it('marks the connection unusable when the server closes it or sends no length', () => {
    expect(new HttpResponseReader().push(Buffer.from(answer(200, '{}', 'Connection: close\r\n')))).toEqual([{ status: 200, reusable: false }]);
    expect(new HttpResponseReader().push(Buffer.from('HTTP/1.1 413 X\r\nTransfer-Encoding: chunked\r\n\r\n'))).toEqual([{ status: 413, reusable: false }]);
  });
});

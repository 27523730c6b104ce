import { parseBankTime, requireBankTime } from './bank-time.parser';

const utc = (iso: string): number => Date.parse(iso);

describe('parseBankTime: the bank export formats, naive text read as Asia/Shanghai', () => {
  it.each([
    ['2024-06-18 10:31:02', '2024-06-18T02:31:02.000Z', 1_000],
    ['20240618103102', '2024-06-18T02:31:02.000Z', 1_000],
    ['2024/06/18 10:31:02', '2024-06-18T02:31:02.000Z', 1_000],
    ['2024/6/8 9:05:07', '2024-06-08T01:05:07.000Z', 1_000],
    ['2024-06-18T10:31:02', '2024-06-18T02:31:02.000Z', 1_000],
    ['2024-06-18T10:31:02.412', '2024-06-18T02:31:02.412Z', 1],
    ['2024-06-18 10:31:02.412', '2024-06-18T02:31:02.412Z', 1],
    ['20240618103102412', '2024-06-18T02:31:02.412Z', 1],
    ['2024-06-18T10:31:02.4', '2024-06-18T02:31:02.400Z', 100],
    ['2024-06-18T10:31:02.41', '2024-06-18T02:31:02.410Z', 10],
    ['2024-06-18T10:31:02.412987', '2024-06-18T02:31:02.412Z', 1],
    ['2024-06-18', '2024-06-17T16:00:00.000Z', 86_400_000],
    ['20240618', '2024-06-17T16:00:00.000Z', 86_400_000],
  ])('%s → %s at resolution %i ms, offset assumed +08:00', (text, instant, resolutionMs) => {
    expect(parseBankTime(text)).toEqual({ ok: true, time: { epochMs: utc(instant), resolutionMs, text }, offsetAssumed: true });
  });

  it.each([
    ['2024-06-18T10:31:02+08:00', '2024-06-18T02:31:02.000Z'],
    ['2024-06-18T10:31:02.412+0800', '2024-06-18T02:31:02.412Z'],
    ['2024-06-18T10:31:02+08', '2024-06-18T02:31:02.000Z'],
    ['2024-06-18T02:31:02Z', '2024-06-18T02:31:02.000Z'],
    ['2024-06-17T22:31:02-04:00', '2024-06-18T02:31:02.000Z'],
  ])('%s with an explicit offset → %s', (text, instant) => {
    const result = parseBankTime(text);
    expect(result).toMatchObject({ ok: true, time: { epochMs: utc(instant), text }, offsetAssumed: false });
  });

  it('never reads a naive time as UTC: the same wall time with Z is eight hours later', () => {
    const naive = requireBankTime('2024-06-18 10:31:02');
    const asUtc = requireBankTime('2024-06-18T10:31:02Z');
    expect(asUtc.epochMs - naive.epochMs).toBe(8 * 3_600_000);
  });

  it('keeps the original text verbatim, surrounding blanks included', () => {
    expect(requireBankTime(' 2024-06-18 10:31:02 ').text).toBe(' 2024-06-18 10:31:02 ');
  });

  it.each([
    ['', /empty time/],
    ['   ', /empty time/],
    ['18/06/2024 10:31:02', /unrecognised time format/],
    ['2024-06-18 10:31', /unrecognised time format/],
    ['2024-13-01 00:00:00', /month 13 does not exist/],
    ['2023-02-29 10:00:00', /day 29 does not exist/],
    ['2024-06-31', /day 31 does not exist/],
    ['2024-06-18 24:00:00', /hour or minute out of range/],
    ['2024-06-18 23:59:60', /leap second/],
    ['2024-06-18T10:31:02+25:00', /malformed offset/],
    ['1991-06-18 10:31:02', /predates 1992.*DST/],
    ['1969-12-31T23:59:59Z', /before 1970/],
    ['2024-06-18 10:31:02 CST', /unrecognised time format/],
  ])('refuses %j', (text, reason) => {
    const result = parseBankTime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts leap day 2024-02-29 and 1991 with an explicit offset', () => {
    expect(parseBankTime('2024-02-29 12:00:00').ok).toBe(true);
    expect(parseBankTime('1991-06-18T10:31:02+09:00').ok).toBe(true);
  });

  it('requireBankTime throws the reason', () => {
    expect(() => requireBankTime('2024-02-30 00:00:00')).toThrow(RangeError);
  });
});

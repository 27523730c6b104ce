import { formatShanghaiLocal, formatShanghaiTime, parseCarrierTime } from './carrier-time';

describe('parseCarrierTime', () => {
  it('reads a local time without offset as Asia/Shanghai and keeps the original text', () => {
    expect(parseCarrierTime('2024-06-18 18:40:00')).toEqual({ epochMs: Date.parse('2024-06-18T10:40:00Z'), isoText: '2024-06-18T18:40:00+08:00', originalText: '2024-06-18 18:40:00' });
  });

  it('keeps a written offset as the carrier wrote it', () => {
    expect(parseCarrierTime('2024-06-18T10:40:00.250Z')).toEqual({ epochMs: Date.parse('2024-06-18T10:40:00.250Z'), isoText: '2024-06-18T10:40:00.250Z', originalText: '2024-06-18T10:40:00.250Z' });
    expect(parseCarrierTime('2024-06-18 18:40:00+08:00')?.epochMs).toBe(Date.parse('2024-06-18T10:40:00Z'));
  });

  it('reads epoch milliseconds (JD) and writes them in Shanghai time', () => {
    expect(parseCarrierTime(1718707200000)).toEqual({ epochMs: 1718707200000, isoText: '2024-06-18T18:40:00.000+08:00', originalText: '1718707200000' });
  });

  it.each(['', 'yesterday', '2024-02-30 10:00:00', '2024-06-18', '18/06/2024 10:00:00'])('refuses %j', (text) => {
    expect(parseCarrierTime(text)).toBeNull();
  });

  it('formats Shanghai time both ways', () => {
    const epochMs = Date.parse('2024-06-18T23:59:59.500Z');
    expect(formatShanghaiTime(epochMs)).toBe('2024-06-19T07:59:59.500+08:00');
    expect(formatShanghaiLocal(epochMs)).toBe('2024-06-19 07:59:59');
  });
});

/** A carrier instant: epoch ms, ISO-8601 text with an explicit offset, and the text as the carrier wrote it. */
export interface CarrierInstant {
  epochMs: number;
  /** ISO-8601 with offset: the carrier's own text when it had one, else the local time with the zone's offset added. */
  isoText: string;
  /** Exactly what the carrier sent (a number is written in decimal). */
  originalText: string;
}

/** The documented zone of Chinese carriers' local times. China has kept +08:00 all year since 1991. */
export const CARRIER_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?$/;
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a carrier time: ISO-8601 with an offset as written; `yyyy-MM-dd HH:mm:ss[.SSS]` without
 * one as Asia/Shanghai local time (the carriers' documented zone); a number as epoch ms. Returns
 * null for anything else, so the caller can refuse the track with the text in the reason.
 *
 * @example
 * parseCarrierTime('2024-06-18 18:40:00') // { epochMs: 1718707200000, isoText: '2024-06-18T18:40:00+08:00', originalText: '2024-06-18 18:40:00' }
 */
export function parseCarrierTime(value: string | number): CarrierInstant | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? { epochMs: value, isoText: formatShanghaiTime(value), originalText: String(value) } : null;
  }
  const text = value.trim();
  const offset = WITH_OFFSET.exec(text);
  if (offset) return instant(`${offset[1]}T${offset[2]}${offset[3] ?? ''}${offset[4]}`, text, text.replace(' ', 'T'));
  const local = LOCAL.exec(text);
  if (local) {
    const iso = `${local[1]}T${local[2]}${local[3] ?? ''}${SHANGHAI_OFFSET}`;
    return instant(iso, text, iso);
  }
  return null;
}

function instant(parseable: string, originalText: string, isoText: string): CarrierInstant | null {
  const epochMs = Date.parse(parseable);
  if (Number.isNaN(epochMs)) return null;
  // Date.parse rolls 2024-02-30 over into March: a date that does not round-trip is refused.
  const [datePart] = parseable.split('T');
  const check = new Date(epochMs + offsetMsOf(parseable)).toISOString().slice(0, 10);
  return check === datePart ? { epochMs, isoText, originalText } : null;
}

function offsetMsOf(iso: string): number {
  const match = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!match || match[1] === 'Z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return (match[2] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Epoch ms as ISO-8601 in Asia/Shanghai, with milliseconds: `2024-06-18T18:40:00.000+08:00`. */
export function formatShanghaiTime(epochMs: number): string {
  return `${new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23)}${SHANGHAI_OFFSET}`;
}

/** Epoch ms as Shanghai local time the way carriers write it: `2024-06-18 18:40:00`. */
export function formatShanghaiLocal(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

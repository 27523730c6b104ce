import { parseCarrierTime, type CarrierInstant } from '@oms/fulfillment-domain';
import { MalformedPushError, type TrackingSource } from './carrier-adapter';

/** Reads fields of a carrier's JSON, naming the field in the error when one is missing or malformed. */
export class PayloadReader {
  constructor(
    private readonly source: TrackingSource,
    private readonly value: Record<string, unknown>,
  ) {}

  /** Parses JSON text into a reader over its top-level object. */
  static parse(source: TrackingSource, text: string): PayloadReader {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new MalformedPushError(source, 'body is not JSON');
    }
    return new PayloadReader(source, asObject(source, parsed, 'body'));
  }

  text(field: string): string {
    const value = this.value[field];
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value === '') throw new MalformedPushError(this.source, `${field} is missing`);
    return value;
  }

  optionalText(field: string): string | null {
    const value = this.value[field];
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
  }

  time(field: string): CarrierInstant {
    const raw = this.value[field];
    const instant = typeof raw === 'string' || typeof raw === 'number' ? parseCarrierTime(raw) : null;
    if (!instant) throw new MalformedPushError(this.source, `${field} ${JSON.stringify(raw)} is not a time`);
    return instant;
  }

  object(field: string): PayloadReader {
    return new PayloadReader(this.source, asObject(this.source, this.value[field], field));
  }

  /** The nested object, or null when the field is absent. */
  optionalObject(field: string): PayloadReader | null {
    return this.value[field] === undefined || this.value[field] === null ? null : this.object(field);
  }

  array(field: string): PayloadReader[] {
    const value = this.value[field];
    if (!Array.isArray(value)) throw new MalformedPushError(this.source, `${field} is not a list`);
    return value.map((item, index) => new PayloadReader(this.source, asObject(this.source, item, `${field}[${index}]`)));
  }

  /** This object as JSON, the event's raw payload. */
  raw(): string {
    return JSON.stringify(this.value);
  }
}

function asObject(source: TrackingSource, value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedPushError(source, `${what} is not an object`);
  return value as Record<string, unknown>;
}

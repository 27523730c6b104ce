import type { SimulatorRouter } from '../http/simulator-router';
import type { CarrierBook, SimulatedEvent, SimulatedSource, SimulatedWaybill } from './carrier-book';
import type { FaultPlan } from './fault-plan';
import type { ServiceArea } from './service-area';

/** A documented status code of a simulated carrier. */
export interface DocumentedCode {
  text: string;
  /** SF: the node type the code is sent with on this leg. */
  nodeType?: string;
}

/** What a dialect needs from the simulator. */
export interface DialectContext {
  book: CarrierBook;
  faults: FaultPlan;
  areas: ServiceArea;
}

/** A push as the carrier sends it. */
export interface CarrierPush {
  contentType: string;
  body: string;
}

/**
 * One simulated carrier API: its routes (waybill, phone verification, route query), its
 * documented codes, the life cycle a parcel goes through, and the push format.
 */
export interface CarrierDialect {
  source: SimulatedSource;
  /** The life cycle of a delivered parcel, in its codes. */
  lifecycle: ReadonlyArray<{ code: string; nodeType?: string }>;
  register(router: SimulatorRouter, context: DialectContext): void;
  /** Text of a code, for the events the control API adds. */
  textOf(code: string): string;
  push(waybill: SimulatedWaybill, events: SimulatedEvent[]): CarrierPush;
}

/** Beijing local time as the Chinese carriers write it: `yyyy-MM-dd HH:mm:ss`, no offset. */
export function beijingLocal(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Beijing time as ISO-8601 with offset. */
export function beijingIso(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Parses a JSON text, or answers undefined. */
export function parseJson(text: string | null | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

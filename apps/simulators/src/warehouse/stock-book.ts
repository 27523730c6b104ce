/** Stock of one SKU in one warehouse. */
export interface StockLevel {
  warehouseId: string;
  sku: string;
  onHand: number;
  reserved: number;
}

/** A line to reserve. */
export interface StockRequestLine {
  lineId: string;
  sku: string;
  quantity: number;
}

/** A reservation outcome as the WMS keeps it (answered again for a repeated reservation id). */
export type ReservationOutcome =
  | { status: 'RESERVED'; lines: Array<StockRequestLine & { warehouseId: string }> }
  | { status: 'FAILED'; code: 'OUT_OF_STOCK' | 'UNKNOWN_SKU'; message: string };

/**
 * Real stock levels: on hand and reserved per warehouse and SKU. A reservation takes every line
 * or none, from the first warehouse with enough free stock; it is idempotent by reservation id.
 */
export class StockBook {
  private readonly levels = new Map<string, StockLevel>();
  private readonly reservations = new Map<string, ReservationOutcome>();

  constructor(initial: Array<Omit<StockLevel, 'reserved'>> = []) {
    for (const level of initial) this.put(level.warehouseId, level.sku, level.onHand);
  }

  put(warehouseId: string, sku: string, onHand: number): void {
    this.levels.set(`${warehouseId}|${sku}`, { warehouseId, sku, onHand, reserved: 0 });
  }

  level(warehouseId: string, sku: string): StockLevel | undefined {
    return this.levels.get(`${warehouseId}|${sku}`);
  }

  free(level: StockLevel): number {
    return level.onHand - level.reserved;
  }

  reserve(reservationId: string, lines: StockRequestLine[]): ReservationOutcome {
    const known = this.reservations.get(reservationId);
    if (known) return known;
    const outcome = this.decide(lines);
    if (outcome.status === 'RESERVED') for (const line of outcome.lines) (this.level(line.warehouseId, line.sku) as StockLevel).reserved += line.quantity;
    this.reservations.set(reservationId, outcome);
    return outcome;
  }

  /** Shortages of `lines` at one warehouse (empty = available). */
  shortages(warehouseId: string, lines: Array<{ sku: string; quantity: number }>): Array<{ sku: string; requested: number; available: number }> {
    return lines
      .map((line) => ({ sku: line.sku, requested: line.quantity, available: Math.max(0, this.level(warehouseId, line.sku) ? this.free(this.level(warehouseId, line.sku) as StockLevel) : 0) }))
      .filter((line) => line.available < line.requested);
  }

  private decide(lines: StockRequestLine[]): ReservationOutcome {
    const all = [...this.levels.values()];
    const unknown = lines.filter((line) => !all.some((level) => level.sku === line.sku));
    if (unknown.length > 0) return { status: 'FAILED', code: 'UNKNOWN_SKU', message: `unknown SKU ${unknown.map((line) => line.sku).join(', ')}` };
    const warehouses = [...new Set(all.map((level) => level.warehouseId))];
    const chosen = lines.map((line) => ({ ...line, warehouseId: warehouses.find((id) => (this.level(id, line.sku) ? this.free(this.level(id, line.sku) as StockLevel) : 0) >= line.quantity) }));
    const short = chosen.filter((line) => line.warehouseId === undefined);
    if (short.length > 0) return { status: 'FAILED', code: 'OUT_OF_STOCK', message: `not enough stock of ${short.map((line) => line.sku).join(', ')}` };
    return { status: 'RESERVED', lines: chosen as Array<StockRequestLine & { warehouseId: string }> };
  }
}

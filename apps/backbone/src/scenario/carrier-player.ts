/** How the carriers misbehave once each, by waybill. */
export interface CarrierPlants {
  /** A first track long after the waybill (credibility: manual audit). */
  lateTrack: boolean;
  /** An undocumented status code after delivery. */
  unknownStatus: boolean;
}

/** What the player asks of the driver: play a step of waybills, push an undocumented code, note a problem. */
export interface CarrierPlayerHooks {
  step(name: string, trackingNumbers: readonly string[], work: (trackingNumber: string) => Promise<void>): Promise<void>;
  pushUndocumentedStatus?: (trackingNumber: string) => Promise<void>;
  problem(text: string): void;
}

/** A first track this long after the waybill is "manual audit" on the credibility scale (> 120 s). */
const LATE_FIRST_TRACK_MS = 200_000;

/**
 * The carriers take every waybill to delivery — each one as soon as it exists. Waybills appear
 * when fulfillment-service gets a plan; a plan can come late (order-service restarted and
 * replayed its backlog), so the driver asks again while orders are still on their way rather
 * than playing one list taken at a fixed moment. The first waybill seen (lowest tracking number
 * of the first batch) gets its first track late, the second one an undocumented status code.
 */
export class CarrierPlayer {
  private readonly played = new Set<string>();
  private late?: string;
  private unknown?: string;
  private unknownPushed = false;

  constructor(
    private readonly logisticsUrl: string,
    private readonly plants: CarrierPlants,
    private readonly hooks: CarrierPlayerHooks,
  ) {}

  /** Waybills played so far. */
  get count(): number {
    return this.played.size;
  }

  /** Whether the undocumented status was wanted but cannot be pushed (carrier simulators in another process). */
  get unknownStatusSkipped(): boolean {
    return this.unknown !== undefined && !this.hooks.pushUndocumentedStatus;
  }

  /** Plays every waybill not played yet; answers how many waybills have been played in all. */
  async playNew(): Promise<number> {
    const fresh = (await this.waybills()).filter((trackingNumber) => !this.played.has(trackingNumber)).sort();
    if (fresh.length === 0) return this.played.size;
    if (this.plants.lateTrack) this.late ??= fresh[0];
    if (this.plants.unknownStatus) this.unknown ??= fresh.find((trackingNumber) => trackingNumber !== this.late);
    for (const trackingNumber of fresh) this.played.add(trackingNumber);
    await this.hooks.step('carrier tracks to delivery', fresh, (trackingNumber) => this.lifecycle(trackingNumber));
    if (this.unknown && !this.unknownPushed && this.hooks.pushUndocumentedStatus) {
      this.unknownPushed = true;
      const push = this.hooks.pushUndocumentedStatus;
      await this.hooks.step('an undocumented carrier status', [this.unknown], (trackingNumber) => push(trackingNumber));
    }
    return this.played.size;
  }

  private async waybills(): Promise<string[]> {
    const response = await fetch(`${this.logisticsUrl}/simulator/carriers/waybills`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`the carriers' waybill list answered ${response.status}`);
    return ((await response.json()) as Array<{ trackingNumber: string }>).map((waybill) => waybill.trackingNumber);
  }

  private async lifecycle(trackingNumber: string): Promise<void> {
    const options = trackingNumber === this.late ? { firstTrackAfterMs: LATE_FIRST_TRACK_MS } : {};
    const response = await fetch(`${this.logisticsUrl}/simulator/carriers/waybills/${encodeURIComponent(trackingNumber)}/lifecycle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
    await response.text();
    if (!response.ok) this.hooks.problem(`the carrier lifecycle of ${trackingNumber} answered ${response.status}`);
  }
}

/**
 * One dependency `/health` checks. `check` resolves when the dependency answers and rejects with
 * a reason otherwise; it must give up on its own within a couple of seconds.
 */
export interface HealthProbe {
  name: string;
  check(): Promise<void>;
}

/** Nest token under which an app provides its `HealthProbe[]`. */
export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

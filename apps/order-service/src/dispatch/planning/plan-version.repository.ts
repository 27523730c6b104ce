import type { PoolClient } from 'pg';
import type { DispatchPlan, PlanVersionRecord, SandboxFailure, SandboxVerdict } from '@oms/dispatch-domain';

/** A plan version as `dispatch_plan_versions` keeps it. */
export interface StoredPlanVersion {
  dispatchPlanId: string;
  version: number;
  status: 'PROPOSED' | 'ISSUED' | 'REJECTED';
  plan: DispatchPlan;
  sandbox: SandboxVerdict | null;
  failures: SandboxFailure[];
}

interface VersionRow {
  dispatch_plan_id: string;
  version: number;
  status: StoredPlanVersion['status'];
  plan: DispatchPlan;
  sandbox: SandboxVerdict | null;
  failures: SandboxFailure[];
}

const toVersion = (row: VersionRow): StoredPlanVersion => ({
  dispatchPlanId: row.dispatch_plan_id, version: row.version, status: row.status, plan: row.plan, sandbox: row.sandbox, failures: row.failures,
});

/**
 * Every version of every plan: the proposal the sandbox answer is decided against, and the
 * history the fallback and the next version number come from. The order log holds the same facts
 * as events; this table is how the service finds them without scanning streams.
 */
export class PlanVersionRepository {
  /**
   * Records a proposal and which order streams carry its plan, in one statement. With
   * `onlyIfNew`, only when the plan id has no version yet; answers whether it was recorded.
   */
  async propose(client: PoolClient, plan: DispatchPlan, { onlyIfNew = false } = {}): Promise<boolean> {
    const { rows } = await client.query<{ recorded: number }>(
      `WITH version AS (
         INSERT INTO dispatch_plan_versions (dispatch_plan_id, version, status, plan)
         SELECT $1::text, $2::int, 'PROPOSED', $3::jsonb
          WHERE NOT $5::boolean OR NOT EXISTS (SELECT 1 FROM dispatch_plan_versions WHERE dispatch_plan_id = $1::text)
         RETURNING dispatch_plan_id
       ), streams AS (
         INSERT INTO dispatch_plan_orders (dispatch_plan_id, order_id) SELECT version.dispatch_plan_id, unnest($4::text[]) FROM version ON CONFLICT DO NOTHING
       )
       SELECT count(*)::int AS recorded FROM version`,
      [plan.dispatchPlanId, plan.version, JSON.stringify(plan), plan.orderIds, onlyIfNew],
    );
    return (rows[0]?.recorded ?? 0) > 0;
  }

  /** Every version of a plan, oldest first; `lock` holds them for this transaction. */
  async versionsOf(client: PoolClient, dispatchPlanId: string, lock = false): Promise<StoredPlanVersion[]> {
    const { rows } = await client.query<VersionRow>(
      `SELECT dispatch_plan_id, version, status, plan, sandbox, failures FROM dispatch_plan_versions WHERE dispatch_plan_id = $1 ORDER BY version${lock ? ' FOR UPDATE' : ''}`,
      [dispatchPlanId],
    );
    return rows.map(toVersion);
  }

  async decide(client: PoolClient, record: PlanVersionRecord): Promise<void> {
    await client.query(
      'UPDATE dispatch_plan_versions SET status = $3, sandbox = $4, failures = $5, decided_at = now() WHERE dispatch_plan_id = $1 AND version = $2',
      [record.dispatchPlanId, record.version, record.status, JSON.stringify(record.sandbox), JSON.stringify(record.failures)],
    );
  }

  /** The order streams that carry a plan's trail. */
  async ordersOf(client: PoolClient, dispatchPlanId: string): Promise<string[]> {
    const { rows } = await client.query<{ order_id: string }>('SELECT order_id FROM dispatch_plan_orders WHERE dispatch_plan_id = $1 ORDER BY order_id', [dispatchPlanId]);
    return rows.map((row) => row.order_id);
  }
}

/** The decided versions, as `decidePlanIssue` and `planDispatch` read a plan's history. */
export function decidedHistory(versions: readonly StoredPlanVersion[]): PlanVersionRecord[] {
  return versions.flatMap((version) => version.status === 'PROPOSED' || version.sandbox === null
    ? []
    : [{ dispatchPlanId: version.dispatchPlanId, version: version.version, status: version.status, plan: version.plan, sandbox: version.sandbox, failures: version.failures }]);
}

/** The version in force: the latest issued one. */
export function currentIssued(versions: readonly StoredPlanVersion[]): StoredPlanVersion | undefined {
  return versions.filter((version) => version.status === 'ISSUED').at(-1);
}

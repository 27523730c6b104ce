import type { Pool, PoolClient } from 'pg';
import { outcomeInstant, type BankLine, type ExpectedFlow, type InventoryLogEntry, type MatchGroup, type ReviewItem } from '@oms/reconciliation-domain';
import type { ReconciliationTables } from '../database/tables';
import { syncDerivedTable, type DerivedColumn, type DerivedTable } from './derived-table.writer';
import { businessDateOf, type ProjectionSnapshot } from './projection-snapshot';

const json = (value: unknown): string => JSON.stringify(value);
const idsOf = (flows: readonly ExpectedFlow[], lines: readonly BankLine[]): { flows: string[]; bankLines: string[] } => ({
  flows: flows.map((flow) => flow.flowId),
  bankLines: lines.map((line) => line.lineId),
});

/** The derived tables, each row a function of the run's snapshot. */
function derivedTables(t: ReconciliationTables): {
  flows: DerivedTable<ExpectedFlow>;
  bankLines: DerivedTable<BankLine>;
  inventoryLog: DerivedTable<InventoryLogEntry>;
  matches: DerivedTable<MatchGroup>;
  reviewItems: DerivedTable<ReviewItem>;
  pending: DerivedTable<ExpectedFlow>;
} {
  const column = (name: string, type: DerivedColumn['type'] = 'text'): DerivedColumn => ({ name, type });
  return {
    flows: {
      table: t.flows,
      columns: [column('flow_id'), column('out_trade_no'), column('order_id'), column('business_date'), column('flow', 'jsonb')],
      row: (flow) => [flow.flowId, flow.outTradeNo, flow.orderId, businessDateOf([flow], []), json(flow)],
    },
    bankLines: {
      table: t.bankLines,
      columns: [column('line_id'), column('business_date'), column('line', 'jsonb')],
      row: (line) => [line.lineId, businessDateOf([], [line]), json(line)],
    },
    inventoryLog: {
      table: t.inventoryLog,
      columns: [column('fact_id'), column('order_key'), column('occurred_at', 'bigint'), column('entry')],
      row: (entry) => [entry.factId, entry.orderId, entry.occurredAt, entry.entry],
    },
    matches: {
      table: t.matches,
      columns: [
        column('match_id'), column('business_date'), column('shape'), column('clean', 'boolean'), column('order_amount', 'bigint'), column('bank_amount', 'bigint'),
        column('flow_ids', 'text[]'), column('line_ids', 'text[]'), column('match', 'jsonb'),
      ],
      row: (group) => {
        const ids = idsOf(group.flows, group.bankLines);
        return [group.matchId, businessDateOf(group.flows, group.bankLines), group.shape, group.clean, group.orderAmount, group.bankAmount, ids.flows, ids.bankLines, json({ ...group, ...ids })];
      },
    },
    reviewItems: {
      table: t.reviewItems,
      columns: [column('review_item_id'), column('cause'), column('business_date'), column('order_ids', 'text[]'), column('instant_ms', 'bigint'), column('item', 'jsonb')],
      row: (item) => [
        item.reviewItemId,
        item.cause,
        businessDateOf(item.flows, item.bankLines),
        [...new Set(item.flows.map((flow) => flow.orderId).filter((id): id is string => id !== null))],
        outcomeInstant(item.flows, item.bankLines),
        // Both sides in full: the queue shows them without another lookup.
        json(item),
      ],
    },
    pending: { table: t.pending, columns: [column('flow_id'), column('business_date')], row: (flow) => [flow.flowId, businessDateOf([flow], [])] },
  };
}

/**
 * The derived tables. A run brings them to its snapshot inside one transaction, so readers see
 * the previous run or the next, never half of one, and writes only the rows that changed; a
 * rebuild empties them first. Nothing here is a source of truth: drop it and the next run writes
 * it again from the inputs.
 */
export class ProjectionRepository {
  private readonly derived: ReturnType<typeof derivedTables>;

  constructor(private readonly tables: ReconciliationTables) {
    this.derived = derivedTables(tables);
  }

  /** Empties every derived table (the audit trail and the inputs stay). */
  async clear(tx: PoolClient): Promise<void> {
    for (const table of this.tables.projection()) await tx.query(`DELETE FROM ${table}`);
  }

  /** Brings the derived tables to a run's snapshot. */
  async replace(tx: PoolClient, snapshot: ProjectionSnapshot): Promise<void> {
    const { result } = snapshot;
    await syncDerivedTable(tx, this.derived.flows, snapshot.flows);
    await syncDerivedTable(tx, this.derived.bankLines, snapshot.bankLines);
    await syncDerivedTable(tx, this.derived.inventoryLog, snapshot.inventoryLog);
    await syncDerivedTable(tx, this.derived.matches, result.matches);
    await syncDerivedTable(tx, this.derived.reviewItems, result.reviewItems);
    await syncDerivedTable(tx, this.derived.pending, result.pending);
    await tx.query(`DELETE FROM ${this.tables.run}`);
    await tx.query(`INSERT INTO ${this.tables.run} (as_of, facts_seen, lines_seen, flow_count, line_count) VALUES ($1, $2, $3, $4, $5)`, [
      snapshot.asOf,
      snapshot.factsSeen,
      snapshot.linesSeen,
      result.flowCount,
      result.bankLineCount,
    ]);
  }

  /** What the last run saw, or null before the first run. */
  async lastRun(db: Pool | PoolClient): Promise<{ asOf: number; factsSeen: number; linesSeen: number } | null> {
    const result = await db.query<{ as_of: string; facts_seen: string; lines_seen: string }>(`SELECT as_of, facts_seen, lines_seen FROM ${this.tables.run}`);
    const row = result.rows[0];
    return row ? { asOf: Number(row.as_of), factsSeen: Number(row.facts_seen), linesSeen: Number(row.lines_seen) } : null;
  }

  /** How many inputs are stored now. Counts, not highest sequence numbers: a row whose transaction commits late has a lower number but still changes the count. */
  async inputCounts(db: Pool | PoolClient): Promise<{ facts: number; lines: number }> {
    const result = await db.query<{ facts: string; lines: string }>(`SELECT (SELECT count(*) FROM ${this.tables.facts}) AS facts, (SELECT count(*) FROM ${this.tables.statementLines}) AS lines`);
    const [counts] = result.rows;
    return { facts: Number(counts?.facts ?? 0), lines: Number(counts?.lines ?? 0) };
  }
}

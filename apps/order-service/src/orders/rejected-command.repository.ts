import type { PoolClient } from 'pg';
import type { OrderRejection } from '@oms/order-domain';

/** A refused command for an order that has no stream yet. */
export interface RejectedCommandRow {
  orderId: string;
  rejection: OrderRejection;
  /** Where the command came from: a topic or `http`. */
  source: string;
  /** The `CommandRejected` record (Avro bytes) an operator can replay or publish. */
  payload: Buffer;
}

/**
 * `rejected_commands`: refusals of commands for orders that do not exist (an invoice for an
 * unknown order id, …). They cannot go into a stream — creating one would give the order a
 * history before its `OrderPlaced` — yet must not be lost: they are kept here, in the
 * transaction of the ingress message, and logged.
 */
export class RejectedCommandRepository {
  async record(client: PoolClient, row: RejectedCommandRow): Promise<void> {
    const { rejection } = row;
    await client.query(
      `INSERT INTO rejected_commands (order_id, command, command_id, code, reason, source, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.orderId, rejection.command, rejection.commandId, rejection.code, rejection.message, row.source, row.payload],
    );
  }

  /** The refusals recorded for an order id, oldest first. */
  async forOrder(client: Pick<PoolClient, 'query'>, orderId: string): Promise<Array<{ command: string; code: string; reason: string; source: string }>> {
    const result = await client.query(`SELECT command, code, reason, source FROM rejected_commands WHERE order_id = $1 ORDER BY id`, [orderId]);
    return result.rows;
  }
}

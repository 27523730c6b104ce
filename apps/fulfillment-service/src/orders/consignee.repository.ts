import type { PoolClient } from 'pg';
import type { Address } from '@oms/contracts';

/** Who receives an order's parcels. */
export interface Consignee {
  name: string;
  phone: string;
  address: Address;
}

/** The consignee of each order, kept from the order log (OrderPlaced, OrderAddressChanged). */
export class ConsigneeRepository {
  async save(tx: PoolClient, orderId: string, consignee: Consignee): Promise<void> {
    await tx.query(
      `INSERT INTO consignees (order_id, recipient_name, recipient_phone, address) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO UPDATE SET recipient_name = EXCLUDED.recipient_name, recipient_phone = EXCLUDED.recipient_phone, address = EXCLUDED.address, updated_at = now()`,
      [orderId, consignee.name, consignee.phone, JSON.stringify(consignee.address)],
    );
  }

  async find(tx: PoolClient, orderId: string): Promise<Consignee | undefined> {
    const { rows } = await tx.query<{ name: string; phone: string; address: Address }>(
      'SELECT recipient_name AS name, recipient_phone AS phone, address FROM consignees WHERE order_id = $1',
      [orderId],
    );
    return rows[0];
  }
}

import type { Address, OrderLine } from '@oms/contracts';
import type { OrderState } from '@oms/order-domain';

/**
 * An order as the command path needs it: the domain state (with its stream version) plus the
 * facts only the stream's Avro records hold, which later events repeat (the accepted
 * notification's id in `OrderPaid`, line titles, the full address).
 */
export interface LoadedOrder {
  readonly orderId: string;
  readonly state: OrderState;
  readonly acceptedNotificationId?: string;
  readonly placedLines?: readonly OrderLine[];
  readonly address?: Address;
}

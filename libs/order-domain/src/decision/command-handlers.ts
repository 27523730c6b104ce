import type { OrderCommand, OrderCommandOfType, OrderCommandType } from '../commands/order-command';
import { acceptPaymentNotificationHandler } from '../deciders/accept-payment-notification.decider';
import { cancelOrderHandler } from '../deciders/cancel-order.decider';
import { changeAddressHandler } from '../deciders/change-address.decider';
import { changeLinesHandler } from '../deciders/change-lines.decider';
import { checkPaymentConfirmationTimeoutHandler } from '../deciders/check-payment-confirmation-timeout.decider';
import { completeOrderHandler } from '../deciders/complete-order.decider';
import { completeRefundHandler } from '../deciders/complete-refund.decider';
import { confirmInvoiceHandler } from '../deciders/confirm-invoice.decider';
import { confirmPaymentHandler } from '../deciders/confirm-payment.decider';
import { placeOrderHandler } from '../deciders/place-order.decider';
import { recordDispatchPlanHandler } from '../deciders/record-dispatch-plan.decider';
import { recordShipmentProgressHandler } from '../deciders/record-shipment-progress.decider';
import { requestRefundHandler } from '../deciders/request-refund.decider';
import { reserveInventoryResultHandler } from '../deciders/reserve-inventory-result.decider';
import type { CommandHandler } from './command-handler';

type HandlerMap = { [K in OrderCommandType]: CommandHandler<OrderCommandOfType<K>> };

/** One handler per command type; the mapped type makes a missing handler a compile error. */
export const COMMAND_HANDLERS: HandlerMap = {
  PlaceOrder: placeOrderHandler,
  AcceptPaymentNotification: acceptPaymentNotificationHandler,
  ConfirmPayment: confirmPaymentHandler,
  CheckPaymentConfirmationTimeout: checkPaymentConfirmationTimeoutHandler,
  ReserveInventoryResult: reserveInventoryResultHandler,
  ConfirmInvoice: confirmInvoiceHandler,
  RecordDispatchPlan: recordDispatchPlanHandler,
  RecordShipmentProgress: recordShipmentProgressHandler,
  CompleteOrder: completeOrderHandler,
  RequestRefund: requestRefundHandler,
  CompleteRefund: completeRefundHandler,
  CancelOrder: cancelOrderHandler,
  ChangeAddress: changeAddressHandler,
  ChangeLines: changeLinesHandler,
};

/** The handler of a command. TypeScript cannot correlate the union with the map, hence the cast. */
export function handlerFor<C extends OrderCommand>(command: C): CommandHandler<C> {
  return COMMAND_HANDLERS[command.type] as unknown as CommandHandler<C>;
}

import type {
  CompleteOrder,
  ConfirmInvoice,
  RecordDispatchPlan,
  RecordShipmentProgress,
  ReserveInventoryResult,
} from './fulfilment-commands';
import type { CancelOrder, ChangeAddress, ChangeLines, PlaceOrder, RequestRefund } from './order-change-commands';
import type {
  AcceptPaymentNotification,
  CheckPaymentConfirmationTimeout,
  CompleteRefund,
  ConfirmPayment,
} from './payment-commands';

/** Every command the order aggregate decides on: a discriminated union on `type`. */
export type OrderCommand =
  | PlaceOrder
  | AcceptPaymentNotification
  | ConfirmPayment
  | CheckPaymentConfirmationTimeout
  | ReserveInventoryResult
  | ConfirmInvoice
  | RecordDispatchPlan
  | RecordShipmentProgress
  | CompleteOrder
  | RequestRefund
  | CompleteRefund
  | CancelOrder
  | ChangeAddress
  | ChangeLines;

/** The `type` tag of a command. */
export type OrderCommandType = OrderCommand['type'];

/** The command of one type, e.g. `OrderCommandOfType<'CancelOrder'>`. */
export type OrderCommandOfType<T extends OrderCommandType> = Extract<OrderCommand, { type: T }>;

/** Every command type, in lifecycle order (the transition table is validated against it). */
export const ORDER_COMMAND_TYPES: readonly OrderCommandType[] = [
  'PlaceOrder',
  'AcceptPaymentNotification',
  'ConfirmPayment',
  'CheckPaymentConfirmationTimeout',
  'ReserveInventoryResult',
  'ConfirmInvoice',
  'RecordDispatchPlan',
  'RecordShipmentProgress',
  'CompleteOrder',
  'RequestRefund',
  'CompleteRefund',
  'CancelOrder',
  'ChangeAddress',
  'ChangeLines',
];

/** True when `value` names a command type. */
export function isOrderCommandType(value: unknown): value is OrderCommandType {
  return typeof value === 'string' && (ORDER_COMMAND_TYPES as readonly string[]).includes(value);
}

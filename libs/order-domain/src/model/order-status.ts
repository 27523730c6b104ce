/**
 * The twelve core states of an order (DESIGN.md, "The order state machine").
 * Exceptions such as an unconfirmed payment or carrier doubt raise review items; they never add
 * a state, so this list is closed.
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'inventory_reserved',
  'ready_to_dispatch',
  'dispatch_planned',
  'partially_shipped',
  'shipped',
  'in_delivery',
  'delivered',
  'completed',
  'refunding',
  'closed',
] as const;

/** One of the twelve core order states. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The pseudo-state of a stream that holds no `OrderPlaced` yet. It is not one of the twelve
 * states: it is where the transition table starts (`[*]` in the diagram).
 */
export const NOT_PLACED = 'not_placed' as const;

/** A core state or {@link NOT_PLACED}: what `OrderState.status` can hold. */
export type OrderLifecycleStatus = OrderStatus | typeof NOT_PLACED;

/** Every status the aggregate can be in, the pseudo-state first. */
export const LIFECYCLE_STATUSES: readonly OrderLifecycleStatus[] = [NOT_PLACED, ...ORDER_STATUSES];

/** True when `value` names one of the twelve core states. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** True when `value` names a core state or the not-placed pseudo-state. */
export function isLifecycleStatus(value: unknown): value is OrderLifecycleStatus {
  return value === NOT_PLACED || isOrderStatus(value);
}

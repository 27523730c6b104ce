/**
 * @oms/order-domain — the pure heart of the order service: the order state machine (a
 * transition table kept as data), the event-sourced aggregate (`evolve`, `rebuild`, snapshots)
 * and the decisions (`decide`) that enforce the field rules of DESIGN.md. No I/O, no clock, no
 * randomness: time and ids arrive in commands.
 *
 * @example
 * import { decide, isRejection, rebuild, toCommandRejected } from '@oms/order-domain';
 * const state = rebuild(history);
 * const decision = decide(command, state);
 * const toAppend = isRejection(decision) ? [toCommandRejected(command, decision)] : decision.events;
 *
 * @packageDocumentation
 */

// Model: states and values.
export * from './model/order-status';
export * from './model/order-values';
export { isMinorUnits } from './model/minor-units';

// Events and commands.
export type * from './events/order-event-meta';
export type * from './events/order-lifecycle-events';
export type * from './events/payment-events';
export type * from './events/fulfilment-events';
export type * from './events/audit-events';
export type * from './events/order-event';
export type * from './commands/command-meta';
export type * from './commands/order-change-commands';
export type * from './commands/payment-commands';
export type * from './commands/fulfilment-commands';
export * from './commands/order-command';

// State machine (table as data) and its generated diagram.
export { ORDER_TRANSITIONS, loadTransitionTable, type TransitionRow } from './state-machine/order-transitions';
export { OrderStateMachine, orderStateMachine } from './state-machine/order-state-machine';
export { renderStateDiagram, renderTransitionTable } from './state-machine/state-diagram.renderer';
export * from './state-machine/state-machine-doc';

// Aggregate.
export * from './aggregate/order-state';
export { evolve, rebuild, SHIPMENT_STAGE_STATUS } from './aggregate/order.aggregate';
export * from './aggregate/order-snapshot';

// Decisions.
export { decide } from './decision/decide';
export * from './decision/decision';
export * from './decision/order-rejection';
export { toCommandRejected } from './decision/command-rejected';
export { isReadyToDispatch } from './deciders/ready-to-dispatch';
export { estimateShipTime } from './deciders/place-order.decider';

// Rules kept as data.
export { PAYMENT_ID_FORMATS, paymentIdProblems, type PaymentIdFormat } from './rules/payment-id-formats';
export * from './rules/payment-rules';
export { mayChangeOrder, PRIVILEGED_ROLES } from './rules/order-change-policy';

// Time.
export * from './time/iso-date-time';
export * from './time/iso-duration';
export * from './time/add-iso-duration';

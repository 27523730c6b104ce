import type { PlaceOrder } from '../commands/order-change-commands';
import type { CommandHandler } from '../decision/command-handler';
import {
  actorProblems,
  addressProblems,
  amountProblems,
  currencyProblems,
  lineProblems,
  requiredText,
} from '../decision/command-validation';
import { NOT_PLACED } from '../model/order-status';
import { addDuration } from '../time/add-iso-duration';
import { formatIsoDateTime, parseIsoDateTime, type IsoDateTime } from '../time/iso-date-time';
import { parseIsoDuration } from '../time/iso-duration';
import { eventFor } from './order-event-factory';

/**
 * estimated_ship_time = acceptance time + the warehouse's average ship duration (the source
 * article: computed server-side, ISO-8601, so no browser does time-zone arithmetic). Computed in
 * the offset of the acceptance time text. Null when either text is unusable or the sum overflows.
 */
export function estimateShipTime(acceptedAtText: string, averageShipDuration: string): IsoDateTime | null {
  const acceptedAt = parseIsoDateTime(acceptedAtText);
  const duration = parseIsoDuration(averageShipDuration);
  if (!acceptedAt || !duration) return null;
  const estimate = addDuration(acceptedAt, duration);
  return Number.isFinite(estimate.epochMs) ? estimate : null;
}

function promotionProblems(command: PlaceOrder): string[] {
  const promotion = command.data.promotion;
  if (promotion === null) return [];
  return [...requiredText({ 'promotion.promotionId': promotion.promotionId }), ...amountProblems('promotion.discountAmount', promotion.discountAmount)];
}

/** PlaceOrder: not_placed → pending_payment. A re-send of the same channel order adds nothing. */
export const placeOrderHandler: CommandHandler<PlaceOrder> = {
  validate(command) {
    const { channel, channelOrderId, customerId, phone, invoiceTitle, averageShipDuration } = command.data;
    const shipProblems = estimateShipTime(command.data.occurredAtText, averageShipDuration)
      ? []
      : [`averageShipDuration must be an ISO-8601 duration such as PT24H, got ${JSON.stringify(averageShipDuration)}`];
    return [
      ...requiredText({ channel, channelOrderId, customerId, phone, invoiceTitle }),
      ...addressProblems(command.data.address),
      ...lineProblems(command.data.lines),
      ...amountProblems('totalAmount', command.data.totalAmount),
      ...currencyProblems(command.data.currency),
      ...actorProblems('createdBy', command.data.createdBy),
      ...promotionProblems(command),
      ...shipProblems,
    ];
  },

  isDuplicate(command, state) {
    return state.status !== NOT_PLACED && state.channel === command.data.channel && state.channelOrderId === command.data.channelOrderId;
  },

  decide(command) {
    const { orderId: _orderId, commandId: _commandId, occurredAt: _at, occurredAtText: _atText, averageShipDuration, ...order } = command.data;
    const estimate = estimateShipTime(command.data.occurredAtText, averageShipDuration) as IsoDateTime;
    return [eventFor(command, 'OrderPlaced', { ...order, estimatedShipAt: estimate.epochMs, estimatedShipTime: formatIsoDateTime(estimate) })];
  },
};

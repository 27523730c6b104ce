import { fromAvroActor, toAvroActor } from './actor.mapper';
import { fromAvroAddress, toAvroAddress } from './address.mapper';
import { eventOf, metaOf, type EventMapper } from './event-mapper';
import { fromAvroLines, toAvroLines } from './order-line.mapper';

/** `OrderAddressChanged`: the previous address is the order's before the change. */
export const orderAddressChangedMapper: EventMapper<'OrderAddressChanged'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    return {
      ...metaOf(data),
      previousAddress: toAvroAddress(stateBefore.address ?? data.address, enrichment.previousAddress),
      address: toAvroAddress(data.address, enrichment.address),
      recipientName: data.address.recipientName,
      recipientPhone: data.phone,
      changedBy: toAvroActor(data.actor),
      reason: enrichment.changeReason ?? null,
    };
  },
  fromAvro(value) {
    return eventOf('OrderAddressChanged', {
      ...metaOf(value),
      actor: fromAvroActor(value.changedBy),
      address: fromAvroAddress(value.address, value.recipientName),
      phone: value.recipientPhone,
    });
  },
};

/** `OrderLinesChanged`: the previous total rides in `previousPayableTotal` (v2). */
export const orderLinesChangedMapper: EventMapper<'OrderLinesChanged'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    return {
      ...metaOf(data),
      previousLines: toAvroLines(stateBefore.lines, enrichment.placedLines),
      lines: toAvroLines(data.lines, enrichment.placedLines),
      payableTotal: data.totalAmount,
      currency: stateBefore.currency ?? 'CNY',
      changedBy: toAvroActor(data.actor),
      reason: enrichment.changeReason ?? null,
      previousPayableTotal: data.previousTotalAmount,
    };
  },
  fromAvro(value) {
    const fallback = value.previousLines.reduce((sum, line) => sum + line.paidAmount, 0);
    return eventOf('OrderLinesChanged', {
      ...metaOf(value),
      actor: fromAvroActor(value.changedBy),
      lines: fromAvroLines(value.lines),
      totalAmount: value.payableTotal,
      previousTotalAmount: value.previousPayableTotal ?? fallback,
    });
  },
};

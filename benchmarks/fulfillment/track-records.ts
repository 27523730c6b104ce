import { encode, Headers, Topics, type OutgoingMessage, type RecordName, type RecordTypes } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';

function message<N extends RecordName>(prefix: string, topic: string, key: string, recordName: N, value: RecordTypes[N], id: string): OutgoingMessage {
  return { topic: `${prefix}${topic}`, key, value: encode(recordName, value), headers: { [Headers.messageId]: id, [Headers.correlationId]: key, [Headers.eventType]: recordName } };
}

/** OrderPlaced (a verifiable phone) and DispatchPlanned (one SF sub-order) of benchmark order `orderId`: the service gets it a waybill. */
export function seedMessages(prefix: string, orderId: string): OutgoingMessage[] {
  const placed = recordFixture('OrderPlaced', { orderId, recipientPhone: '13800138000' });
  const planned = recordFixture('DispatchPlanned', { orderId, dispatchPlanId: `dp-${orderId}`, occurredAt: Date.now() });
  planned.subOrders = planned.subOrders.map((subOrder) => ({ ...subOrder, carrier: 'SF', lines: subOrder.lines.map((line) => ({ ...line, orderId })) }));
  return [message(prefix, Topics.orderEvents, orderId, 'OrderPlaced', placed, `placed-${orderId}`), message(prefix, Topics.orderEvents, orderId, 'DispatchPlanned', planned, `planned-${orderId}`)];
}

// SF codes a parcel in transit goes through, with the node type the reused codes need.
const STEPS = [{ code: '50' }, { code: '30', nodeType: 'TRANSIT_HUB' }, { code: '31', nodeType: 'TRANSIT_HUB' }, { code: '31', nodeType: 'OUTLET' }, { code: '44' }];

/** Track `seq` of a waybill as SF would report it through `oms.ingress.carrier-tracks.v1`: each one later in carrier time than the one before. */
export function trackMessage(prefix: string, trackingNumber: string, seq: number, occurredAt: number): OutgoingMessage {
  const step = STEPS[seq % STEPS.length];
  const text = `bench step ${seq}`;
  const iso = new Date(occurredAt).toISOString();
  const track = recordFixture('CarrierTrack', {
    carrier: 'SF', trackingNumber, carrierStatusCode: step.code, carrierStatusText: text, description: text, occurredAt, occurredAtText: iso, receivedAt: Date.now(), receivedAtText: new Date().toISOString(),
    rawPayload: JSON.stringify({ mailno: trackingNumber, opCode: step.code, nodeType: step.nodeType, acceptTime: iso }),
  });
  return message(prefix, Topics.ingressCarrierTracks, trackingNumber, 'CarrierTrack', track, `track-${trackingNumber}-${seq}`);
}

import { recordNamesByFolder, type RecordName } from './generated';

/** Kafka topic names of the public contract (DESIGN.md, "The public contract"). */
export const Topics = {
  ingressOrders: 'oms.ingress.orders.v1',
  ingressPayments: 'oms.ingress.payments.v1',
  ingressInvoices: 'oms.ingress.invoices.v1',
  ingressBankStatements: 'oms.ingress.bank-statements.v1',
  ingressCarrierTracks: 'oms.ingress.carrier-tracks.v1',
  ingressWmsScans: 'oms.ingress.wms-scans.v1',
  ingressCustomerActivity: 'oms.ingress.customer-activity.v1',
  orderEvents: 'oms.order.events.v1',
  dispatch: 'oms.dispatch.v1',
  fulfillmentEvents: 'oms.fulfillment.events.v1',
} as const;

/** One of the contract's topic names (dead-letter topics excluded). */
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Name of an order event: a record of `oms.order.events.v1`. */
export type OrderEventName = (typeof recordNamesByFolder)['order-events'][number];

/** What a topic carries and who uses it. */
export interface TopicSpec {
  topic: TopicName;
  /** What the Kafka key is; every record of one key keeps its order. */
  key: string;
  /** Records a value of this topic may be; the `event-type` header says which. */
  records: readonly RecordName[];
  /** Who produces to it (DESIGN.md). */
  writers: string;
  /** Who consumes it (DESIGN.md). */
  readers: string;
}

/** The topic catalog, in the order of DESIGN.md. */
export const topicCatalog: readonly TopicSpec[] = [
  topic(Topics.ingressOrders, 'channel:channelOrderId', ['ChannelOrder'], 'channels, channel-gateway', 'order-service'),
  topic(Topics.ingressPayments, 'outTradeNo', ['PaymentNotification', 'PaymentConfirmation', 'RefundResult'], 'channel-gateway', 'order-service, reconciliation-service'),
  topic(Topics.ingressInvoices, 'orderId', ['InvoiceConfirmation'], 'ERP / invoicing', 'order-service'),
  topic(Topics.ingressBankStatements, 'bankTransactionRef', ['BankStatementLine'], 'bank feed', 'reconciliation-service'),
  topic(Topics.ingressCarrierTracks, 'trackingNumber', ['CarrierTrack'], 'carriers', 'fulfillment-service'),
  topic(Topics.ingressWmsScans, 'dispatchPlanId', ['WmsScan'], 'WMS / TMS', 'fulfillment-service, order-service (dispatch trail)'),
  topic(Topics.ingressCustomerActivity, 'orderId', ['CustomerActivity'], 'storefront', 'order-service (health index)'),
  topic(Topics.orderEvents, 'orderId', recordNamesByFolder['order-events'], 'order-service (outbox)', 'every service; auditors'),
  // One record per sub-order of an issued plan; the plan as a whole is DispatchPlanned on the order log.
  topic(Topics.dispatch, 'dispatchPlanId', recordNamesByFolder.dispatch, 'order-service (outbox)', 'WMS / TMS'),
  topic(Topics.fulfillmentEvents, 'orderId', recordNamesByFolder.fulfillment, 'fulfillment-service', 'order-service, reconciliation-service'),
];

function topic(name: TopicName, key: string, records: readonly RecordName[], writers: string, readers: string): TopicSpec {
  return { topic: name, key, records, writers, readers };
}

/**
 * The dead-letter topic of `topic`: `<topic>.dlq`, keyed as the source, holding the original bytes
 * untouched plus the `dlq-*` headers.
 */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Records `topic` may carry. Throws `RangeError` for a name outside the catalog. */
export function recordsOnTopic(topic: string): readonly RecordName[] {
  const spec = topicCatalog.find((candidate) => candidate.topic === topic);
  if (!spec) throw new RangeError(`${topic} is not a topic of the contract`);
  return spec.records;
}

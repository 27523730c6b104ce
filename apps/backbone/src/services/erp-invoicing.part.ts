import { messagingLogger } from '@oms/nest-kit';
import { decode, encode, Headers, Topics, type DecodedRecord, type InvoiceConfirmation, type OrderPlaced } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, PrefixedTopicsBus, type InMemoryUnitOfWork, type MessageBus } from '@oms/messaging';
import type { Logger } from 'pino';
import type { BackboneBus } from '../infrastructure/backbone-bus';
import type { RunningPart, ServicePart } from './service-part';

const VAT_RATE_PERCENT = 13;
/** Partitions of a topic it has to create (the broker script's default). */
const TOPIC_PARTITIONS = 4;

/** Beijing-time ISO-8601 with its offset, as the ERP writes its documents. */
function beijingIso(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** The fapiao the ERP issues for a placed order: the title the order asked for, VAT included in its total. */
export function invoiceFor(order: OrderPlaced, issuedAtMs: number): InvoiceConfirmation {
  const taxAmount = Math.round((order.payableTotal * VAT_RATE_PERCENT) / (100 + VAT_RATE_PERCENT));
  return {
    orderId: order.orderId,
    invoiceNumber: `FP${order.orderId.replace(/-/g, '').slice(0, 18).toUpperCase()}`,
    invoiceCode: null,
    invoiceType: 'DIGITAL_ORDINARY',
    titleType: order.invoice?.titleType ?? 'PERSONAL',
    // No fapiao requested: the recipient stands in, as order-service records the order's title.
    title: order.invoice?.title ?? order.recipientName,
    taxpayerId: order.invoice?.taxpayerId ?? null,
    amountIncludingTax: order.payableTotal,
    taxAmount,
    currency: order.currency,
    erpDocumentId: `ERP-${order.channelOrderId}`,
    issuedAt: issuedAtMs,
    issuedAtText: beijingIso(issuedAtMs),
  };
}

/** Subscribes the simulated ERP to the order log on `backboneBus`; `stop()` leaves the group. */
export async function startErpSimulator(backboneBus: BackboneBus, logger: Logger): Promise<RunningPart> {
  const bus: MessageBus<InMemoryUnitOfWork> =
    backboneBus.kind === 'in-process'
      ? backboneBus.forMemory()
      : new PrefixedTopicsBus(new KafkaMessageBus({ brokers: backboneBus.brokers.split(','), clientId: 'erp-simulator', inbox: new InMemoryInboxStore(), logger: messagingLogger(logger) }), backboneBus.topicPrefix);
  // It may start before the services that create these topics (its own process, multi-process mode).
  await bus.ensureTopics([Topics.orderEvents, Topics.ingressInvoices].map((topic) => ({ topic, partitions: TOPIC_PARTITIONS })));
  await bus.subscribe<DecodedRecord>({
    // The group goes with the run's topics: two runs on one broker must not share (and rebalance) it.
    groupId: `${backboneBus.kind === 'kafka' ? backboneBus.topicPrefix : ''}erp-simulator`,
    topics: [Topics.orderEvents],
    decode: (bytes) => decode(bytes),
    handler: async (message) => {
      if (message.value.recordName !== 'OrderPlaced') return;
      const invoice = invoiceFor(message.value.value as OrderPlaced, Date.now());
      await bus.producer.send([{ topic: Topics.ingressInvoices, key: invoice.orderId, value: encode('InvoiceConfirmation', invoice), headers: { [Headers.messageId]: `erp-invoice-${invoice.orderId}` } }]);
    },
  });
  return { stop: () => bus.close() };
}

/**
 * The ERP as the backbone sees it (no ERP service exists in this repository; invoicing is an
 * outside system, like the payment provider): it reads `OrderPlaced` from the order log and
 * answers each with an `InvoiceConfirmation` on `oms.ingress.invoices.v1` — the third of the
 * "paid + reserved + invoiced" conditions a split waits for.
 */
export const erpInvoicingPart: ServicePart = {
  name: 'erp-simulator',
  available: true,
  start: (context) => startErpSimulator(context.bus, context.logger.child({ service: 'erp-simulator' })),
};

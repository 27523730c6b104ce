import { InMemoryInboxStore, KafkaMessageBus, PrefixedTopicsBus } from '@oms/messaging';
import { Topics, type SandboxValidationResult } from '@oms/contracts';
import { testKafkaBrokers, waitFor } from '@oms/testing';
import { signHs256 } from '../http/jwt.verifier';
import { now } from '../ingress/command-context';
import { DispatchInstructionLog } from './dispatch-instruction-log';
import { dispatchOrderRecords, type DispatchOrderSpec } from './dispatch-orders';
import { newRunId, type OrderRecords } from './ingress-records';
import type { PublishedEvent } from './order-event-log';
import { startHarness, TEST_JWT_SECRET, type ServiceHarness } from './service-harness';

type SandboxApi = SandboxValidationResult['checks'][number]['api'];
const SANDBOX_APIS: readonly SandboxApi[] = ['WAREHOUSE_INVENTORY', 'CARRIER_WAYBILL', 'E_WAYBILL'];

/** The field scenario's catalog (own warehouse 24 h, cloud warehouse 48 h, bonded 72 h) as an operator imports it. */
export const FIELD_CATALOG_CSV = [
  'sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required',
  'SKU-GLASSES,WH-OWN-HZ,24,200,false',
  'SKU-CASE,WH-OWN-HZ,24,500,false',
  'SKU-LENS,WH-CLOUD-JX,48,300,false',
  'SKU-SERUM,WH-BONDED-NB,72,1000,true',
].join('\n');

/**
 * order-service with the dispatch flow on the real broker and database, plus the world around it
 * as tests play it: the warehouse answers reservations, the fulfilment side answers every
 * `DispatchProposed` with a `SandboxValidationResult` (all checks passing unless a test asked one
 * API to fail for a plan), and a WMS/TMS reader of `oms.dispatch.v1`.
 */
export class DispatchHarness {
  readonly runId = newRunId();
  readonly instructions = new DispatchInstructionLog();
  /** Plan id → the API whose dry run fails for that plan's next proposal (with this reason). */
  readonly failNext = new Map<string, { api: SandboxApi; reason: string }>();
  /** Plan ids whose answers are held back until {@link release} (a test changes the orders meanwhile). */
  readonly hold = new Set<string>();
  private readonly held = new Map<string, () => Promise<void>>();
  /** Sandbox answers published, by `planId:version`. */
  readonly answers = new Map<string, SandboxValidationResult>();
  private readonly orders = new Map<string, OrderRecords>();
  private client?: PrefixedTopicsBus<unknown>;
  harness!: ServiceHarness;

  async start(env: Record<string, string>): Promise<void> {
    this.harness = await startHarness({ onEvent: (event, harness) => this.answer(event, harness), env });
    this.client = new PrefixedTopicsBus(new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'dispatch-test-wms', inbox: new InMemoryInboxStore() }), this.harness.prefix);
    await this.instructions.start(this.client, `${this.harness.prefix}wms`);
  }

  async close(): Promise<void> {
    await this.instructions.stop();
    await this.client?.close();
    await this.harness?.close();
  }

  /** HTTP against the service. */
  http(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.harness.service.url}${path}`, init);
  }

  /** POSTs JSON as a user of `role`. */
  post(path: string, body: unknown, role = 'warehouse_manager'): Promise<Response> {
    const token = signHs256({ sub: `test-${role}`, role, exp: Math.floor(Date.now() / 1000) + 600 }, TEST_JWT_SECRET);
    return this.http(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  }

  /** Places, pays and invoices an order: it becomes ready_to_dispatch once the warehouse reserved it. */
  async readyOrder(n: number, spec: DispatchOrderSpec): Promise<OrderRecords> {
    const order = dispatchOrderRecords(this.runId, n, spec);
    this.orders.set(order.orderId, order);
    const { harness } = this;
    await harness.publish(Topics.ingressOrders, `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'ChannelOrder', order.channelOrder);
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentNotification', order.notification);
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentConfirmation', order.confirmation);
    await harness.events.waitForEvent(order.orderId, 'OrderPlaced');
    await harness.publish(Topics.ingressInvoices, order.orderId, 'InvoiceConfirmation', order.invoice);
    return order;
  }

  /** The order's published event of `type` (waiting for it); its Avro value. */
  async event<T = Record<string, unknown>>(orderId: string, type: string, timeoutMs = 30_000): Promise<T> {
    return (await this.harness.events.waitForEvent(orderId, type, timeoutMs)).value as T;
  }

  /** Every published event of `type` of the order, in order. */
  eventsOf<T = Record<string, unknown>>(orderId: string, type: string): T[] {
    return this.harness.events.eventsOf(orderId).filter((event) => event.type === type).map((event) => event.value as T);
  }

  private async answer(event: PublishedEvent, harness: ServiceHarness): Promise<void> {
    const order = this.orders.get(event.orderId);
    if (!order) return;
    if (event.type === 'InventoryReservationRequested') {
      await harness.publish(Topics.fulfillmentEvents, event.orderId, 'InventoryReservationResult', order.reservation(String(event.value['reservationId'])));
    }
    if (event.type === 'DispatchProposed') await this.answerProposal(event, harness);
  }

  /** One answer per proposal (every order of a plan carries it): every sub-order × the three APIs. */
  private async answerProposal(event: PublishedEvent, harness: ServiceHarness): Promise<void> {
    const planId = String(event.value['dispatchPlanId']);
    const version = Number(event.value['planVersion']);
    if (this.answers.has(`${planId}:${version}`)) return;
    const failure = this.failNext.get(planId);
    this.failNext.delete(planId);
    const subOrders = event.value['subOrders'] as Array<{ subOrderId: string }>;
    const checks = subOrders.flatMap(({ subOrderId }, index) => SANDBOX_APIS.map((api) => {
      const failed = failure?.api === api && index === subOrders.length - 1; // the last (slowest) sub-order fails
      return { subOrderId, api, passed: !failed, detail: failed ? failure.reason : `${api} dry run ok`, callId: `call-${planId}-${version}-${index}-${api}` };
    }));
    const { occurredAt, occurredAtText } = now();
    const answer: SandboxValidationResult = { orderId: event.orderId, dispatchPlanId: planId, planVersion: version, passed: checks.every((check) => check.passed), checks, validatedAt: occurredAt, validatedAtText: occurredAtText };
    this.answers.set(`${planId}:${version}`, answer);
    const send = () => harness.publish(Topics.fulfillmentEvents, event.orderId, 'SandboxValidationResult', answer);
    if (this.hold.has(planId)) this.held.set(planId, send);
    else await send();
  }

  /** Publishes the held answer of `planId` (waiting for the proposal to arrive first). */
  async release(planId: string): Promise<void> {
    this.hold.delete(planId);
    const send = await waitFor(`a held sandbox answer for ${planId}`, () => this.held.get(planId));
    this.held.delete(planId);
    await send();
  }
}

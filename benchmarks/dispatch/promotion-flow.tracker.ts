import { encode, Topics, type DecodedRecord, type DispatchInstruction, type SandboxValidationResult } from '@oms/contracts';
import type { SkuCatalogEntry } from '@oms/dispatch-domain';
import type { ConsumedMessage, MessageProducer } from '@oms/messaging';
import { OrderFlowTracker } from '../orders/order-flow.tracker';

const APIS = ['WAREHOUSE_INVENTORY', 'CARRIER_WAYBILL', 'E_WAYBILL'] as const;

/**
 * The world around order-service on a promotion day, and the stopwatch: ERP and the warehouse
 * answer as in the orders benchmark; the fulfilment side answers every proposal with a passing
 * sandbox dry run; WMS/TMS read `oms.dispatch.v1`. It notes, per order, when it became ready and
 * when its plan was issued (both the service's event times), and checks every published line
 * against its SKU's fulfilment vector.
 */
export class PromotionFlowTracker {
  readonly orders: OrderFlowTracker;
  readonly readyAt = new Map<string, number>();
  readonly proposedAt = new Map<string, number>();
  readonly issuedAt = new Map<string, number>();
  /** Lines published on oms.dispatch.v1: `orderId/lineId` → routed by its SKU's vector. */
  readonly publishedLines = new Map<string, boolean>();
  readonly plans = new Set<string>();
  private readonly answered = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly producer: MessageProducer,
    private readonly catalog: ReadonlyMap<string, SkuCatalogEntry>,
  ) {
    this.orders = new OrderFlowTracker(prefix, producer);
  }

  start(): void {
    this.orders.start();
  }

  stop(): Promise<void> {
    return this.orders.stop();
  }

  async onOrderEvent(message: ConsumedMessage<DecodedRecord>): Promise<void> {
    await this.orders.handle(message);
    const orderId = message.key ?? '';
    const record = message.value;
    if (record.recordName === 'OrderReadyToDispatch' && !this.readyAt.has(orderId)) this.readyAt.set(orderId, record.value.occurredAt);
    if (record.recordName === 'DispatchPlanned' && !this.issuedAt.has(orderId)) this.issuedAt.set(orderId, record.value.occurredAt);
    if (record.recordName === 'DispatchProposed' && !this.proposedAt.has(orderId)) this.proposedAt.set(orderId, record.value.occurredAt);
    if (record.recordName === 'DispatchProposed') await this.answer(orderId, record.value.dispatchPlanId, record.value.planVersion, record.value.subOrders.map((sub) => sub.subOrderId));
  }

  onInstruction(message: ConsumedMessage<DecodedRecord>): void {
    const instruction = message.value.value as DispatchInstruction;
    this.plans.add(instruction.dispatchPlanId);
    const { subOrder } = instruction;
    for (const line of subOrder.lines) {
      const entry = this.catalog.get(line.sku);
      const right = entry?.warehouseId === subOrder.warehouseId && entry.slaHours === subOrder.slaHours && entry.customsClearanceRequired === subOrder.customsClearanceRequired;
      this.publishedLines.set(`${line.orderId}/${line.lineId}`, right);
    }
  }

  /** One passing answer per proposal (each order of a related group carries it). */
  private async answer(orderId: string, dispatchPlanId: string, planVersion: number, subOrderIds: string[]): Promise<void> {
    const key = `${dispatchPlanId}:${planVersion}`;
    if (this.answered.has(key)) return;
    this.answered.add(key);
    const validatedAt = Date.now();
    const value: SandboxValidationResult = {
      orderId, dispatchPlanId, planVersion, passed: true, validatedAt, validatedAtText: new Date(validatedAt).toISOString(),
      checks: subOrderIds.flatMap((subOrderId) => APIS.map((api) => ({ subOrderId, api, passed: true, detail: 'bench dry run ok', callId: null }))),
    };
    await this.producer.send([{ topic: `${this.prefix}${Topics.fulfillmentEvents}`, key: orderId, value: encode('SandboxValidationResult', value), headers: { 'message-id': `sbx-${key}` } }]);
  }
}

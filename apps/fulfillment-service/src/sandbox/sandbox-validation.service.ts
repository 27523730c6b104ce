import type { DispatchProposed, DispatchSubOrder, SandboxApi, SandboxCheck } from '@oms/contracts';
import { formatShanghaiTime } from '@oms/fulfillment-domain';
import type { PoolClient } from 'pg';
import { CallFailedError } from '../calls/call-failed.error';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { ConsigneeRepository, Consignee } from '../orders/consignee.repository';
import type { Causation, FulfillmentPublisher } from '../publishing/fulfillment.publisher';
import type { DryRunAnswer, WarehouseClient } from '../warehouse/warehouse.client';
import { waybillRequestOf } from '../waybills/waybill-request.factory';

/**
 * DispatchProposed → SandboxValidationResult: every sub-order dry-run against the warehouse
 * inventory API, the carrier waybill API and the e-waybill API, in that order. Any failed check
 * (including an API that stayed down through every recorded attempt) fails the proposal, and
 * order-service falls back to the previous plan version.
 */
export class SandboxValidationService {
  constructor(
    private readonly warehouse: WarehouseClient,
    private readonly carriers: CarrierRegistry,
    private readonly consignees: ConsigneeRepository,
    private readonly publisher: FulfillmentPublisher,
  ) {}

  async validate(proposal: DispatchProposed, tx: PoolClient, causation: Causation): Promise<void> {
    const known = await this.consignees.find(tx, proposal.orderId);
    // The proposal's address is the one the plan was made for; the phone comes from the order.
    const consignee: Consignee = { name: known?.name ?? '', phone: known?.phone ?? '', address: proposal.shippingAddress };
    const checks: SandboxCheck[] = [];
    for (const subOrder of proposal.subOrders) checks.push(...(await this.checkSubOrder(proposal, subOrder, consignee)));
    const validatedAt = Date.now();
    // Every order of a plan carries the proposal: the plan version is answered once.
    await this.publisher.publish(
      tx,
      'SandboxValidationResult',
      { orderId: proposal.orderId, dispatchPlanId: proposal.dispatchPlanId, planVersion: proposal.planVersion, passed: checks.every((check) => check.passed), checks, validatedAt, validatedAtText: formatShanghaiTime(validatedAt) },
      `SandboxValidationResult:${proposal.dispatchPlanId}:${proposal.planVersion}`,
      causation,
    );
  }

  private async checkSubOrder(proposal: DispatchProposed, subOrder: DispatchSubOrder, consignee: Consignee): Promise<SandboxCheck[]> {
    const lines = subOrder.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity }));
    const request = waybillRequestOf(proposal, subOrder, consignee, false);
    const inventory = await dryRun(() => this.warehouse.checkAvailability(proposal.orderId, subOrder.warehouseId, lines));
    const waybill = await dryRun(async () => this.carriers.forCarrier(request.carrier).requestWaybill(request, true).then((a) => ({ passed: a.accepted, detail: a.detail, callId: a.callId })));
    const eWaybill = await dryRun(() => this.warehouse.validateEWaybill(proposal.orderId, { carrier: request.carrier, warehouseId: subOrder.warehouseId, subOrderId: subOrder.subOrderId, address: proposal.shippingAddress, weightGrams: request.extended.declared_weight_grams }));
    const check = (api: SandboxApi, answer: DryRunAnswer): SandboxCheck => ({ subOrderId: subOrder.subOrderId, api, passed: answer.passed, detail: answer.detail, callId: answer.callId || null });
    return [check('WAREHOUSE_INVENTORY', inventory), check('CARRIER_WAYBILL', waybill), check('E_WAYBILL', eWaybill)];
  }
}

/** A dry run whose API stayed down is a failed check, not a stuck proposal. */
async function dryRun(run: () => Promise<DryRunAnswer>): Promise<DryRunAnswer> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CallFailedError) return { passed: false, detail: error.message, callId: error.lastCallId };
    throw error;
  }
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Topics } from '@oms/contracts';
import { waitFor } from '@oms/testing';
import { newRunId, orderRecords } from '../testing/ingress-records';
import { startHarness, type ServiceHarness } from '../testing/service-harness';

/**
 * The promotion enrichment never blocks the order: with the promotion service down, the order
 * still becomes paid; once the service is back, the redemption backfills from the log, once.
 */
describe('promotion enrichment (real Kafka, real PostgreSQL, promotion service over HTTP)', () => {
  let harness: ServiceHarness;
  let promotionService: Server;
  let up = false;
  const calls: Array<{ idempotencyKey: string; answered: number }> = [];

  beforeAll(async () => {
    promotionService = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const answered = up ? 200 : 503;
        calls.push({ idempotencyKey: String(request.headers['idempotency-key']), answered });
        response.writeHead(answered, { 'content-type': 'application/json' }).end(up ? JSON.stringify({ redemptionRef: `RDM-${calls.length}` }) : '{"error":"maintenance"}');
      });
    });
    await new Promise<void>((resolve) => promotionService.listen(0, '127.0.0.1', resolve));
    harness = await startHarness({
      env: {
        PROMOTION_SERVICE_URL: `http://127.0.0.1:${(promotionService.address() as AddressInfo).port}/promotions/`,
        PROMOTION_BREAKER_FAILURES: '2',
        PROMOTION_BREAKER_COOLDOWN_MS: '300',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => promotionService?.close(resolve));
  }, 60_000);

  const redemptions = async () =>
    (await harness.db.pool.query<{ order_id: string; promotion_id: string; redemption_ref: string }>('SELECT order_id, promotion_id, redemption_ref FROM promotion_redemptions')).rows;

  it('pays the order while the promotion service is down, then backfills the redemption once it is up', async () => {
    const order = orderRecords(newRunId(), 1);
    const [promotion] = order.channelOrder.promotions;
    expect(promotion).toBeDefined();
    await harness.publish(Topics.ingressOrders, `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'ChannelOrder', order.channelOrder);
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentNotification', order.notification);
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentConfirmation', order.confirmation);

    await harness.events.waitForEvent(order.orderId, 'OrderPaid', 30_000);
    await waitFor('the enrichment to have tried and failed', () => calls.some((call) => call.answered === 503), { timeoutMs: 20_000 });
    expect(await redemptions()).toEqual([]);

    up = true;
    const rows = await waitFor('the redemption to backfill', async () => ((await redemptions()).length > 0 ? redemptions() : undefined), { timeoutMs: 30_000 });
    expect(rows).toEqual([{ order_id: order.orderId, promotion_id: promotion!.promotionId, redemption_ref: expect.stringMatching(/^RDM-/) }]);
    const key = `${order.orderId}:${promotion!.promotionId}`;
    expect(calls.every((call) => call.idempotencyKey === key)).toBe(true);
    expect(calls.filter((call) => call.answered === 200)).toHaveLength(1);
  }, 90_000);
});

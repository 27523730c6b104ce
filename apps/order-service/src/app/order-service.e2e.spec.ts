import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Topics } from '@oms/contracts';
import { waitFor } from '@oms/testing';
import { signHs256 } from '../http/jwt.verifier';
import type { OrderEventView, OrderView } from '../http/order-query.service';
import { newRunId, orderRecords, type OrderRecords } from '../testing/ingress-records';
import type { PublishedEvent } from '../testing/order-event-log';
import { startHarness, TEST_JWT_SECRET, type ServiceHarness } from '../testing/service-harness';

/** order-service on the real broker and PostgreSQL: ingress records in, order events out, HTTP API. */
describe('order-service end to end (real Kafka, real PostgreSQL)', () => {
  let harness: ServiceHarness;
  let webhook: Server;
  const webhookCalls: Array<{ status: number; body: Record<string, unknown> }> = [];
  const orders = new Map<string, OrderRecords>();
  const failReservation = new Set<string>();
  const unanswered = new Set<string>();
  const runId = newRunId();

  /** The fulfilment side: answers each reservation request (tests choose which fail). */
  async function fulfil(event: PublishedEvent, h: ServiceHarness): Promise<void> {
    const order = orders.get(event.orderId);
    if (event.type !== 'InventoryReservationRequested' || !order || unanswered.has(event.orderId)) return;
    const outcome = failReservation.has(event.orderId) ? 'FAILED' : 'RESERVED';
    await h.publish(Topics.fulfillmentEvents, event.orderId, 'InventoryReservationResult', order.reservation(String(event.value['reservationId']), outcome));
  }

  beforeAll(async () => {
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const status = webhookCalls.length === 0 ? 500 : 200; // the first attempt fails: it must be retried
        webhookCalls.push({ status, body: JSON.parse(body) });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    harness = await startHarness({ webhookUrl: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/orders`, onEvent: fulfil });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => webhook.close(resolve));
  }, 60_000);

  function newOrder(n: number): OrderRecords {
    const order = orderRecords(runId, n);
    orders.set(order.orderId, order);
    return order;
  }
  const placeOrder = (order: OrderRecords, messageId?: string) =>
    harness.publish(Topics.ingressOrders, `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'ChannelOrder', order.channelOrder, messageId);
  const pay = async (order: OrderRecords) => {
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentNotification', order.notification);
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentConfirmation', order.confirmation);
  };
  /** ERP learns the order id from OrderPlaced; an invoice before that is refused (the order does not exist yet). */
  const invoiceOnceKnown = async (order: OrderRecords) => {
    await harness.events.waitForEvent(order.orderId, 'OrderPlaced');
    await harness.publish(Topics.ingressInvoices, order.orderId, 'InvoiceConfirmation', order.invoice);
  };
  const http = (path: string, init?: RequestInit) => fetch(`${harness.service.url}${path}`, init);

  it('takes an order from placed through paid, invoiced and reserved to ready_to_dispatch', async () => {
    const order = newOrder(1);
    await placeOrder(order);
    await pay(order);
    await invoiceOnceKnown(order);
    await harness.events.waitForEvent(order.orderId, 'OrderReadyToDispatch');

    const published = harness.events.eventsOf(order.orderId);
    expect(published.map((event) => event.type).sort()).toEqual(
      ['InventoryReservationRequested', 'InventoryReserved', 'InvoiceConfirmed', 'OrderPaid', 'OrderPlaced', 'OrderReadyToDispatch', 'PaymentConfirmed', 'PaymentNotificationAccepted'].sort(),
    );
    expect(published.map((event) => event.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]); // per-order order on the topic = stream order
    expect(published[0]!.value).toMatchObject({ shopId: order.channelOrder.shopId, outTradeNo: order.notification.outTradeNo, buyerMessage: order.channelOrder.buyerMessage });
    expect(published[0]!.headers).toMatchObject({ 'correlation-id': `test-MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'event-type': 'OrderPlaced' });

    const state = await (await http(`/orders/${order.orderId}`)).json();
    expect(state).toMatchObject({ orderId: order.orderId, asOf: null, state: { status: 'ready_to_dispatch', version: 8, payment: { transactionId: order.notification.transactionId } } });
    const history = (await (await http(`/orders/${order.orderId}/events`)).json()) as OrderEventView[];
    expect(history).toHaveLength(8);
    // The invoice races the payment (another topic): OrderPaid is at version 4 or later, never first.
    const paid = history.findIndex((event) => event.type === 'OrderPaid');
    expect(paid).toBeGreaterThanOrEqual(3);
    expect(history[paid]).toMatchObject({ streamVersion: paid + 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: history[paid - 1]!.hash, payload: { notificationId: order.notification.notificationId } });
    expect(await harness.store.verify(order.orderId)).toMatchObject({ ok: true });
  });

  it('ignores duplicates: an order sent twice and a notification sent five times produce one event each', async () => {
    const order = newOrder(2);
    await placeOrder(order, 'channel-order-2');
    await placeOrder(order, 'channel-order-2'); // redelivery: same message id
    await placeOrder(order); // the channel re-sends: new message id
    for (const messageId of ['pn-2a', 'pn-2b', 'pn-2a', 'pn-2c', 'pn-2b']) {
      await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentNotification', order.notification, `${runId}-${messageId}`);
    }
    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentConfirmation', order.confirmation);
    await invoiceOnceKnown(order);
    await harness.events.waitForEvent(order.orderId, 'OrderReadyToDispatch');
    const types = harness.events.typesOf(order.orderId);
    expect(types.filter((type) => type === 'OrderPlaced')).toHaveLength(1);
    expect(types.filter((type) => type === 'PaymentNotificationAccepted')).toHaveLength(1);
    expect(types.filter((type) => type === 'OrderPaid')).toHaveLength(1);
    expect(types).toHaveLength(8);
  });

  it('compensates a failed reservation after payment: refunding with RefundRequested, then closed(REFUNDED) on the refund result', async () => {
    const order = newOrder(3);
    failReservation.add(order.orderId);
    await placeOrder(order);
    await pay(order);
    const refund = await harness.events.waitForEvent(order.orderId, 'RefundRequested');
    expect(refund.value).toMatchObject({ reason: 'INVENTORY_RESERVATION_FAILED', refundAmount: 27_500, requestedBy: { role: 'SYSTEM' }, outTradeNo: order.notification.outTradeNo });
    expect(harness.events.typesOf(order.orderId)).toContain('InventoryReservationFailed');
    expect(((await (await http(`/orders/${order.orderId}`)).json()) as OrderView).state.status).toBe('refunding');

    await harness.publish(Topics.ingressPayments, order.notification.outTradeNo, 'RefundResult', order.refund());
    const closed = await harness.events.waitForEvent(order.orderId, 'OrderClosed');
    expect(closed.value).toMatchObject({ reason: 'REFUNDED' });
    expect(harness.events.typesOf(order.orderId).slice(-2)).toEqual(['RefundCompleted', 'OrderClosed']);
    expect(((await (await http(`/orders/${order.orderId}`)).json()) as OrderView).state).toMatchObject({ status: 'closed', closeReason: 'REFUNDED' });
  });

  it('serves state as of an instant, 404 for unknown orders and 400 naming a malformed asOf', async () => {
    const order = newOrder(4);
    const before = new Date(Date.now() - 1_000).toISOString();
    await placeOrder(order);
    await harness.events.waitForEvent(order.orderId, 'OrderPlaced');
    expect((await http(`/orders/${order.orderId}?asOf=${encodeURIComponent(new Date().toISOString())}`)).status).toBe(200);
    expect((await http(`/orders/${order.orderId}?asOf=${encodeURIComponent(before)}`)).status).toBe(404);
    const malformed = await http(`/orders/${order.orderId}?asOf=yesterday`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toMatch(/asOf/);
    expect((await http('/orders/no-such-order')).status).toBe(404);
    expect((await http('/orders/no-such-order/events')).status).toBe(404);
  });

  it('guards order changes: 401 without a valid token, 403 for others, 409 for illegal transitions; accepted changes reach the webhook', async () => {
    const order = newOrder(5);
    unanswered.add(order.orderId); // stays paid: the warehouse does not answer
    await placeOrder(order);
    await harness.events.waitForEvent(order.orderId, 'OrderPlaced');
    const token = (sub: string, role: string, secret = TEST_JWT_SECRET) => signHs256({ sub, role, exp: Math.floor(Date.now() / 1000) + 600 }, secret);
    const post = (path: string, body: unknown, bearer?: string) =>
      http(`/orders/${order.orderId}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) });
    const address = { address: { recipientName: '王小明', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文二西路 1 号' }, phone: '13900139000', reason: '买家来电' };

    expect((await post('address', address)).status).toBe(401);
    expect((await post('address', address, token('cs-7', 'customer_service_supervisor', 'another-secret-0123456789'))).status).toBe(401);
    expect((await post('address', address, token('x-1', 'intern'))).status).toBe(403);
    const stranger = await post('address', address, token('someone-else', 'customer'));
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: 'FORBIDDEN', command: 'ChangeAddress', state: 'pending_payment' });
    const accepted = await post('address', address, token('cs-7', 'customer_service_supervisor'));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'pending_payment', events: [{ type: 'OrderAddressChanged' }] });

    const changed = await harness.events.waitForEvent(order.orderId, 'OrderAddressChanged');
    expect(changed.value).toMatchObject({ changedBy: { actorId: 'cs-7', role: 'CUSTOMER_SERVICE_SUPERVISOR' }, reason: '买家来电', previousAddress: { detail: order.channelOrder.shippingAddress.detail } });
    expect(harness.events.eventsOf(order.orderId).find((event) => event.type === 'CommandRejected')?.value).toMatchObject({ code: 'FORBIDDEN', command: 'ChangeAddress' });

    await pay(order);
    await harness.events.waitForEvent(order.orderId, 'OrderPaid');
    const lines = await post('lines', { lines: [{ lineId: 'L1', sku: 'TEA-LJ-250G', quantity: 1, unitPrice: 12_800 }], totalAmount: 12_800 }, token(order.channelOrder.createdBy.actorId, 'customer'));
    expect(lines.status).toBe(409);
    expect(await lines.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: 'Cannot ChangeLines when order is paid' });

    // The webhook answered 500 first: the change is delivered on the retry, and both attempts are on record.
    await waitFor('the change delivered to the webhook', () => webhookCalls.some((call) => call.status === 200), { timeoutMs: 15_000 });
    expect(webhookCalls.map((call) => call.body['type'])).toEqual(['OrderAddressChanged', 'OrderAddressChanged']);
    expect(webhookCalls[1]!.body).toMatchObject({ orderId: order.orderId, payload: { changedBy: { actorId: 'cs-7' } } });
    const attempts = await waitFor('both attempts recorded', async () => {
      const rows = (await harness.db.pool.query('SELECT attempt, http_status FROM webhook_delivery_attempts ORDER BY attempt')).rows;
      return rows.length === 2 && rows;
    });
    expect(attempts).toEqual([{ attempt: 1, http_status: 500 }, { attempt: 2, http_status: 200 }]);
  });

  it('serves /health, /metrics and the OpenAPI document', async () => {
    expect(await (await http('/health')).json()).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
    expect(await (await http('/metrics')).text()).toContain('oms_order_commands_total');
    const openApi = (await (await http('/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/orders/{id}', '/orders/{id}/events', '/orders/{id}/address', '/orders/{id}/lines', '/orders/{id}/cancel', '/health']));
  });
});

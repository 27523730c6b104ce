import { Topics, type ChannelOrder } from '@oms/contracts';
import { InMemoryInboxStore, InProcessBus, type InMemoryUnitOfWork } from '@oms/messaging';
import { createTestSchema, testDatabaseUrl, waitFor, type TestSchema } from '@oms/testing';
import { channelHeaders, editedFixture, type ChannelSegment } from '../testing/channel-webhooks';
import { post } from '../testing/http-client';
import { recordTopic, type SeenRecord } from '../testing/in-process-recorder';
import { testGatewayConfig } from '../testing/test-gateway-config';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testProviderKeys } from '../testing/test-provider-keys';

// POST /channels/{channel}/orders through the real application, real PostgreSQL, in-process bus.
let db: TestSchema;
let bus: InProcessBus<InMemoryUnitOfWork>;
let gateway: TestGateway;
let recorder: { records: SeenRecord[]; close(): Promise<void> };

const orders = () => recorder.records.filter((record) => record.decoded.recordName === 'ChannelOrder').map((record) => ({ key: record.key, headers: record.headers, order: record.decoded.value as ChannelOrder }));
const send = (channel: string, body: string, headers: Record<string, string>) => post(`${gateway.url}/channels/${channel}/orders`, body, headers);

/** A fixture with a unique order id, so runs never see each other's records. */
function uniqueOrder(channel: ChannelSegment, id: string): string {
  return editedFixture(channel, (payload) => {
    if (channel === 'shopify') payload['id'] = Number(id);
    if (channel === 'douyin') (payload['shop_order_detail'] as Record<string, unknown>)['order_id'] = id;
    if (channel === 'pinduoduo') (payload['order_info_get_response'] as Record<string, Record<string, unknown>>)['order_info']['order_sn'] = `240618-${id}`;
    if (channel === 'miniprogram') Object.assign(payload, { order_no: `MP${id}`, out_trade_no: `OT${id}` });
  });
}

beforeAll(async () => {
  db = await createTestSchema('gw_channels');
  bus = new InProcessBus({ inbox: new InMemoryInboxStore() });
  gateway = await startTestGateway({ config: testGatewayConfig(testProviderKeys(), { databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: 'inprocess' }), bus });
  recorder = await recordTopic(bus, Topics.ingressOrders);
});

afterAll(async () => {
  await recorder.close();
  await gateway.close();
  await bus.close();
  await db.drop();
});

it.each<[ChannelSegment, string]>([
  ['shopify', 'SHOPIFY'],
  ['douyin', 'DOUYIN'],
  ['pinduoduo', 'PINDUODUO'],
  ['miniprogram', 'MINI_PROGRAM'],
])('%s: publishes the ChannelOrder before answering 202 with its reference and a tagged detail URL', async (channel, salesChannel) => {
  const id = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const body = uniqueOrder(channel, id);
  const answer = await send(channel, body, channelHeaders(channel, body));
  expect(answer.status).toBe(202);
  const { orderReference, orderDetailUrl } = answer.json as { orderReference: string; orderDetailUrl: string };
  expect(orderReference).toMatch(new RegExp(`^${salesChannel}:`));
  expect(orderDetailUrl).toBe(`https://oms.example.com/orders/${encodeURIComponent(orderReference)}?utm_source=order_detail&utm_medium=system&utm_campaign=test_campaign`);
  await waitFor('the order record', () => orders().some((record) => record.key === orderReference));
  const record = orders().find((candidate) => candidate.key === orderReference)!;
  expect(record.order).toMatchObject({ channel: salesChannel, payableTotal: 27_500, rawPayload: body });
  expect(record.headers['event-type']).toBe('ChannelOrder');
});

it('refuses an unknown channel (404), a bad signature (401) and an invalid payload (400 naming the fields), publishing nothing', async () => {
  const before = orders().length;
  const body = uniqueOrder('shopify', '9000000000001');
  expect(await send('taobao', body, channelHeaders('shopify', body))).toMatchObject({ status: 404, json: { message: 'unknown channel taobao' } });
  expect(await send('shopify', body, { ...channelHeaders('shopify', body), 'x-shopify-hmac-sha256': 'AAAA' })).toMatchObject({ status: 401 });
  const invalid = editedFixture('miniprogram', (order) => Object.assign(order, { order_no: 'MP-INVALID', items: [], total_fee: 'lots' }));
  expect(await send('miniprogram', invalid, channelHeaders('miniprogram', invalid))).toMatchObject({
    status: 400,
    json: { message: 'invalid order payload', problems: ['items: expected an array of at least 1 item(s)', 'total_fee: expected an integer ≥ 1'] },
  });
  // A valid order afterwards is published; nothing from the refused ones came before it.
  const sentinel = uniqueOrder('douyin', `${Date.now()}`);
  expect((await send('douyin', sentinel, channelHeaders('douyin', sentinel))).status).toBe(202);
  await waitFor('the sentinel', () => orders().length === before + 1);
  expect(orders().slice(before).map((record) => record.order.channel)).toEqual(['DOUYIN']);
});

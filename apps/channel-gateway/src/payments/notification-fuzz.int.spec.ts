import { Topics } from '@oms/contracts';
import { InMemoryInboxStore, InProcessBus, type InMemoryUnitOfWork } from '@oms/messaging';
import { createTestSchema, testDatabaseUrl, waitFor, type TestSchema } from '@oms/testing';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getStatus, post } from '../testing/http-client';
import { recordTopic, type SeenRecord } from '../testing/in-process-recorder';
import { fuzzRequest, signFuzzMaterial, type FuzzRequest } from '../testing/notification-fuzzer';
import { sampleWechatTransaction, signedWechatNotification } from '../testing/sample-payments';
import { SeededRandom } from '../testing/seeded-random';
import { testGatewayConfig } from '../testing/test-gateway-config';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testProviderKeys } from '../testing/test-provider-keys';

// 10,000 malformed, forged and replayed notifications against the running gateway (in-process
// HTTP, real PostgreSQL for nonces and dedupe, the in-process bus with a real consumer group).
// None may be accepted, none may be answered 5xx, nothing may be published, and the heap must
// stay flat.
//
// Memory: `--expose-gc` cannot be passed to Jest's workers here, so the flag is set at run time
// (`v8.setFlagsFromString`) and `gc` taken from a fresh context — a real full GC. The heap is
// that of this whole process (gateway, Jest and test together), measured after GC at request
// 2,000 (warmed up) and at 10,000.
const TOTAL = 10_000;
const CONCURRENCY = 32;
const SEED = 20_240_618;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const keys = testProviderKeys();
let db: TestSchema;
let bus: InProcessBus<InMemoryUnitOfWork>;
let gateway: TestGateway;
let recorder: { records: SeenRecord[]; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestSchema('gw_fuzz');
  bus = new InProcessBus({ inbox: new InMemoryInboxStore() });
  gateway = await startTestGateway({ config: testGatewayConfig(keys, { databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: 'inprocess' }), bus });
  recorder = await recordTopic(bus, Topics.ingressPayments);
});

afterAll(async () => {
  await recorder.close();
  await gateway.close();
  await bus.close();
  await db.drop();
});

function heapAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

it(`refuses ${TOTAL.toLocaleString('en')} malformed, forged and replayed notifications without crashing, publishing or growing`, async () => {
  const accepted = Array.from({ length: 8 }, () => signedWechatNotification(keys, sampleWechatTransaction()));
  for (const notification of accepted) expect((await post(`${gateway.url}/payments/wechatpay/notify`, notification.body, notification.headers)).status).toBe(200);
  await waitFor('the accepted notifications', () => recorder.records.length === accepted.length);
  const material = signFuzzMaterial(keys, accepted);
  // Generated up front, in order, so the sequence depends on the seed only, not on scheduling.
  const random = new SeededRandom(SEED);
  const requests: FuzzRequest[] = Array.from({ length: TOTAL }, (_, index) => fuzzRequest(index, random, keys, material));
  const statuses = new Map<number, number>();
  const byKind = new Map<string, Set<number>>();
  let heapAt2k = 0;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < TOTAL; index = next++) {
      const request = requests[index]!;
      const answer = await post(`${gateway.url}${request.path}`, request.body, request.headers);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      byKind.set(request.kind, (byKind.get(request.kind) ?? new Set()).add(answer.status));
      if (index === 2_000) heapAt2k = heapAfterGc();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const heapAt10k = heapAfterGc();

  const summary = { statuses: Object.fromEntries(statuses), kinds: Object.fromEntries([...byKind].map(([kind, seen]) => [kind, [...seen].sort()])), heapAt2kMb: +(heapAt2k / 2 ** 20).toFixed(1), heapAt10kMb: +(heapAt10k / 2 ** 20).toFixed(1) };
  console.info(`fuzz summary: ${JSON.stringify(summary)}`);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(TOTAL);
  expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
  expect(byKind.get('replayed')).toEqual(new Set([401]));
  expect(await getStatus(`${gateway.url}/health`)).toBe(200);
  // Nothing published beyond the accepted ones: a last valid notification is the only addition.
  const sentinel = signedWechatNotification(keys, sampleWechatTransaction());
  expect((await post(`${gateway.url}/payments/wechatpay/notify`, sentinel.body, sentinel.headers)).status).toBe(200);
  await waitFor('the sentinel', () => recorder.records.length === accepted.length + 1);
  expect(recorder.records.length).toBe(accepted.length + 1);
  expect(heapAt10k - heapAt2k).toBeLessThan(16 * 2 ** 20);
}, 120_000);

import { buildAlipayNotificationBody, buildWechatpayNotification, type SignedWechatpayNotification } from '@oms/payment-protocols';
import { sampleAlipayParams, sampleWechatTransaction, signedAlipayBody, signedWechatNotification } from './sample-payments';
import type { SeededRandom } from './seeded-random';
import type { TestProviderKeys } from './test-provider-keys';

/** One fuzz request. */
export interface FuzzRequest {
  kind: string;
  path: '/payments/wechatpay/notify' | '/payments/alipay/notify';
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Pre-signed material: signing is slow (milliseconds each), so a pool is signed once and mutated. */
export interface FuzzMaterial {
  /** Valid notifications already accepted once: sending them again is a replay. */
  accepted: SignedWechatpayNotification[];
  /** Correctly signed notifications whose content must be refused. */
  badContent: SignedWechatpayNotification[];
  /** Correctly signed Alipay forms whose content must be refused. */
  badAlipay: string[];
  /** A correctly signed Alipay form, to tamper with (never sent as is). */
  alipayTemplate: string;
  /** Alipay forms signed with a key that is not Alipay's. */
  alipayForged: string[];
}

/** Signs the pools: a handful of valid notifications and every kind of signed-but-wrong content. */
export function signFuzzMaterial(keys: TestProviderKeys, accepted: SignedWechatpayNotification[]): FuzzMaterial {
  const amount = { total: 27_500, payer_total: 27_500, currency: 'CNY' };
  const wrong = [
    { transaction_id: undefined }, { transaction_id: 'abc' }, { out_trade_no: '' }, { out_trade_no: 'x y' }, { mchid: '1' }, { appid: 'wx1' },
    { amount: { ...amount, total: 0 } }, { amount: { ...amount, total: 1.5 } }, { amount: { ...amount, currency: 'USD' } }, { amount: { ...amount, payer_total: 99_999 } },
    { trade_state: 'MAYBE' }, { success_time: 'yesterday' },
  ];
  const badContent = wrong.map((overrides) => signedWechatNotification(keys, sampleWechatTransaction(overrides as never)));
  badContent.push(buildWechatpayNotification(sampleWechatTransaction(), { serial: keys.platform.serial, privateKey: keys.platform.privateKeyPem, apiV3Key: 'k'.repeat(32) }));
  const badAlipay = ([{ app_id: '2021000000000000' }, { seller_id: '2088000000000000' }, { total_amount: '1.234' }, { trade_no: 'x' }, { trade_status: 'NOPE' }, { notify_time: 'now' }] as Array<Record<string, string>>).map((overrides) =>
    signedAlipayBody(keys, sampleAlipayParams(overrides)),
  );
  const alipayForged = [0, 1, 2].map(() => buildAlipayNotificationBody(sampleAlipayParams(), keys.otherPlatform.privateKeyPem));
  return { accepted, badContent, badAlipay, alipayTemplate: signedAlipayBody(keys, sampleAlipayParams()), alipayForged };
}

function mutateBody(random: SeededRandom, body: string): string {
  switch (random.int(4)) {
    case 0:
      return body.slice(0, random.int(body.length)); // truncated
    case 1: {
      const at = random.int(body.length);
      return `${body.slice(0, at)}${String.fromCharCode(body.charCodeAt(at) ^ (1 + random.int(31)))}${body.slice(at + 1)}`; // one character flipped
    }
    case 2:
      return `${body}${random.ascii(1 + random.int(20))}`; // trailing bytes
    default:
      return body.replace(/"id":"[^"]*"/, '"id":"EV-FORGED"').replace('total_amount=275.00', 'total_amount=2.75'); // a value changed after signing
  }
}

// Alipay leaves empty parameters out of the signed text, so appending "&junk" or "&x=" to a signed
// form keeps the same signed content: that is the same notification, not a forgery. Form
// mutations therefore always change signed content.
function mutateForm(random: SeededRandom, form: string): string {
  switch (random.int(3)) {
    case 0:
      return form.slice(0, 1 + random.int(form.length - 1));
    case 1:
      return `${form}&${random.pick(['extra', 'total_amount', 'memo'])}=${encodeURIComponent(random.ascii(1 + random.int(10)))}`;
    default: {
      const at = random.int(form.length);
      return `${form.slice(0, at)}${String.fromCharCode(form.charCodeAt(at) ^ (1 + random.int(31)))}${form.slice(at + 1)}`;
    }
  }
}

function mutateHeaders(random: SeededRandom, keys: TestProviderKeys, headers: Record<string, string>): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const changes: Array<Record<string, string>> = [
    { 'wechatpay-serial': keys.otherPlatform.serial },
    { 'wechatpay-serial': random.ascii(40) },
    { 'wechatpay-timestamp': String(now - 300 - random.int(1e6)) },
    { 'wechatpay-timestamp': String(now + 300 + random.int(1e6)) },
    { 'wechatpay-timestamp': random.ascii(10) },
    { 'wechatpay-signature': Buffer.from(random.bytes(256)).toString('base64') },
    { 'wechatpay-signature': random.ascii(random.int(400)) },
    { 'wechatpay-nonce': '' },
    { 'wechatpay-signature-type': 'WECHATPAY2-SM2-WITH-SM3' },
  ];
  return { ...headers, ...random.pick(changes) };
}

/** The `index`-th fuzz request: every one of them must be refused. */
export function fuzzRequest(index: number, random: SeededRandom, keys: TestProviderKeys, material: FuzzMaterial): FuzzRequest {
  const wechat = (kind: string, headers: Record<string, string>, body: string | Buffer): FuzzRequest => ({ kind, path: '/payments/wechatpay/notify', headers, body });
  const alipay = (kind: string, body: string | Buffer): FuzzRequest => ({ kind, path: '/payments/alipay/notify', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const valid = random.pick(material.accepted);
  switch (index % 10) {
    case 0:
      return wechat('garbage', { 'content-type': random.pick(['application/json', 'text/plain', 'application/octet-stream']) }, random.bytes(random.int(2048)));
    case 1:
      return wechat('replayed', valid.headers, valid.body);
    case 2:
      return wechat('body mutated after signing', valid.headers, mutateBody(random, valid.body));
    case 3:
      return wechat('headers forged', mutateHeaders(random, keys, valid.headers), valid.body);
    case 4: {
      const signed = random.pick(material.badContent);
      return wechat('signed, content refused', signed.headers, signed.body);
    }
    case 5:
      return wechat('random envelope', { ...valid.headers, 'wechatpay-nonce': random.ascii(16).replace(/[^A-Za-z0-9]/g, 'x') }, JSON.stringify({ id: random.ascii(8), event_type: 'TRANSACTION.SUCCESS', resource: { ciphertext: random.bytes(64).toString('base64'), nonce: random.ascii(12), associated_data: 'transaction', algorithm: 'AEAD_AES_256_GCM' } }));
    case 6:
      return alipay('alipay garbage', random.pick([random.bytes(random.int(1024)), `${random.ascii(20)}=${random.ascii(20)}`, '']));
    case 7:
      return alipay('alipay tampered', mutateForm(random, material.alipayTemplate));
    case 8:
      return alipay('alipay signed by another key', random.pick(material.alipayForged));
    default:
      return alipay('alipay signed, content refused', random.pick(material.badAlipay));
  }
}


import { randomBytes } from 'node:crypto';
import type { KeyInput } from '../crypto/rsa-sha256';
import { WechatpayHeaders, WECHATPAY_SIGNATURE_TYPE } from './wechatpay-headers';
import { encryptWechatpayResource } from './wechatpay-resource.cipher';
import { signWechatpayMessage } from './wechatpay-signature';
import type { WechatpayNotificationBody, WechatpayTransaction } from './wechatpay-types';

/** The platform side of a notification: who signs, with which API v3 key it encrypts. */
export interface WechatpayPlatformSigner {
  serial: string;
  privateKey: KeyInput;
  apiV3Key: string;
}

/** A ready-to-send notification request. */
export interface SignedWechatpayNotification {
  headers: Record<string, string>;
  body: string;
}

/** A random 32-character nonce, as WeChat Pay sends (upper-case letters and digits). */
export function wechatpayNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/**
 * Builds a payment notification exactly as WeChat Pay API v3 sends it (simulators, tests): the
 * transaction encrypted AEAD_AES_256_GCM into `resource`, and the `Wechatpay-*` headers signing
 * `timestamp\nnonce\nbody\n`. Each call is a fresh delivery: a new nonce and signature.
 */
export function buildWechatpayNotification(
  transaction: WechatpayTransaction,
  signer: WechatpayPlatformSigner,
  options: { notificationId?: string; createTime?: string; timestampSeconds?: number; nonce?: string } = {},
): SignedWechatpayNotification {
  const envelope: WechatpayNotificationBody = {
    id: options.notificationId ?? `EV-${randomBytes(8).toString('hex')}`,
    create_time: options.createTime ?? transaction.success_time ?? new Date().toISOString().replace('Z', '+00:00'),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encryptWechatpayResource(JSON.stringify(transaction), signer.apiV3Key),
  };
  const body = JSON.stringify(envelope);
  const timestamp = String(options.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? wechatpayNonce();
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [WechatpayHeaders.timestamp]: timestamp,
      [WechatpayHeaders.nonce]: nonce,
      [WechatpayHeaders.signature]: signWechatpayMessage(timestamp, nonce, body, signer.privateKey),
      [WechatpayHeaders.serial]: signer.serial,
      [WechatpayHeaders.signatureType]: WECHATPAY_SIGNATURE_TYPE,
    },
  };
}

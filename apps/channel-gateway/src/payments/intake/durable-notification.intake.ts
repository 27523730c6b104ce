import { Inject, Injectable } from '@nestjs/common';
import type { MessageBus } from '@oms/messaging';
import { withTransaction } from '@oms/postgres';
import { isPaidOutcome } from '@oms/payment-protocols';
import type { Pool, PoolClient } from 'pg';
import { gatewayMetrics } from '../../operations/gateway-metrics';
import { SingleFlightBatcher } from '../../infrastructure/single-flight.batcher';
import { MESSAGE_BUS, PG_POOL } from '../../infrastructure/tokens';
import { ConfirmationWorker } from '../confirmation/confirmation.worker';
import { ExpectedPaymentRepository } from './expected-payment.repository';
import { refuse, type Refusal } from './notification-refusal';
import { nonceKey, NotificationNonceRepository } from './notification-nonce.repository';
import { paymentNotificationMessage } from './payment-notification.message';
import { notificationKey, PaymentNotificationRepository, type PublishedNotificationRow } from './payment-notification.repository';
import type { VerifiedNotification } from './verified-notification';

/** Most notifications in one transaction. */
const INTAKE_MAX_BATCH = 500;
/**
 * Transactions in flight at once. A flush mostly waits (PostgreSQL round trips, the broker's
 * acknowledgement); a second one lets the next batch fill and start meanwhile. Two concurrent
 * batches cannot both accept a nonce or a dedupe key: the unique indexes make the later
 * transaction wait for the earlier one's commit, then see the row.
 */
const INTAKE_CONCURRENCY = 2;

/** What the durable step decided for one notification. */
export type IntakeOutcome = { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'refused'; refusal: Refusal };

/**
 * The durable step of a verified notification: "never answer a callback 200 before the fact is
 * durable". Per batch of concurrent notifications, one transaction
 *
 * 1. records the signature nonces (a nonce already there → replay, refused);
 * 2. compares amounts with the payable totals of known orders (different → refused; read
 *    alongside, outside the transaction);
 * 3. inserts the dedupe rows (a key already there → duplicate, answered 200, not republished);
 * 4. publishes the new records to Kafka and waits for acks all;
 * 5. commits — only then are the requests answered.
 *
 * Publish-before-commit means a crash between 4 and 5 leaves no row, so the provider's retry
 * republishes: a possible duplicate record (same `message-id`, dropped by consumers' inboxes),
 * never a lost one. The opposite order could answer a retry "duplicate" for a fact never published.
 */
@Injectable()
export class DurableNotificationIntake {
  private readonly batcher = new SingleFlightBatcher<VerifiedNotification, IntakeOutcome>((items) => this.flush(items), INTAKE_MAX_BATCH, INTAKE_CONCURRENCY);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<unknown>,
    private readonly nonces: NotificationNonceRepository,
    private readonly notifications: PaymentNotificationRepository,
    private readonly expectedPayments: ExpectedPaymentRepository,
    private readonly confirmations: ConfirmationWorker,
  ) {}

  /** Makes a verified notification durable (or refuses it); rejects when the database or broker failed. */
  submit(notification: VerifiedNotification): Promise<IntakeOutcome> {
    return this.batcher.submit(notification);
  }

  /** Waits for the batch in flight (graceful shutdown). */
  drain(): Promise<void> {
    return this.batcher.drain();
  }

  private async flush(items: VerifiedNotification[]): Promise<IntakeOutcome[]> {
    gatewayMetrics.intakeBatchSize.observe(items.length);
    const outcomes: Array<IntakeOutcome | undefined> = Array.from({ length: items.length }, () => undefined);
    const rows = items.map((item) => toRow(item, this.confirmations.enabled));
    const flushTimer = gatewayMetrics.intakeFlushSeconds.startTimer();
    // The expected amounts are a plain read (no lock, nothing written): it runs on a second pooled
    // connection while the transaction begins and claims the nonces, one round trip fewer before
    // the answer. Under READ COMMITTED the in-transaction SELECT would not have been more current
    // in any way that matters: an order recorded a moment later is missed by either.
    const expected = this.expectedPayments.amountsFor(this.pool, items.map((item) => item.record.outTradeNo));
    expected.catch(() => undefined); // a failure is rethrown by the await below, or the transaction already failed
    const accepted = await withTransaction(this.pool, async (client) => {
      await this.refuseReplays(client, items, outcomes);
      refuseAmountMismatches(await expected, items, outcomes);
      const fresh = await this.insertNew(client, rows, outcomes);
      const publishTimer = gatewayMetrics.intakePublishSeconds.startTimer();
      await this.bus.producer.send(fresh.map((index) => paymentNotificationMessage(items[index].record)));
      publishTimer();
      return fresh;
    });
    flushTimer();
    for (const index of accepted) if (rows[index].needsConfirmation) this.confirmations.enqueue(rows[index]);
    return outcomes.map((outcome) => outcome ?? { kind: 'duplicate' });
  }

  private async refuseReplays(client: PoolClient, items: VerifiedNotification[], outcomes: Array<IntakeOutcome | undefined>): Promise<void> {
    const claims = items.flatMap((item) => (item.nonce ? [{ provider: item.record.provider, nonce: item.nonce.value, signedAtMs: item.nonce.signedAtMs }] : []));
    const fresh = await this.nonces.claim(client, claims);
    items.forEach((item, index) => {
      if (!item.nonce) return;
      const key = nonceKey({ provider: item.record.provider, nonce: item.nonce.value });
      // delete: a second copy of the nonce in the same batch is a replay too.
      if (!fresh.delete(key)) outcomes[index] = { kind: 'refused', refusal: refuse('REPLAYED_NONCE', 'Wechatpay-Nonce already accepted') };
    });
  }

  private async insertNew(client: PoolClient, rows: PublishedNotificationRow[], outcomes: Array<IntakeOutcome | undefined>): Promise<number[]> {
    const candidates = rows.map((row, index) => ({ row, index })).filter(({ index }) => outcomes[index] === undefined);
    const inserted = await this.notifications.insertNew(client, candidates.map(({ row }) => row));
    const accepted: number[] = [];
    for (const { row, index } of candidates) {
      // The first copy of a key in the batch takes the insert; later copies are duplicates.
      if (!inserted.delete(notificationKey(row))) continue;
      outcomes[index] = { kind: 'accepted' };
      accepted.push(index);
    }
    return accepted;
  }
}

/** Refuses the still-open notifications whose amount differs from their order's payable total. */
function refuseAmountMismatches(expected: ReadonlyMap<string, { amount: number; currency: string }>, items: VerifiedNotification[], outcomes: Array<IntakeOutcome | undefined>): void {
  items.forEach(({ record }, index) => {
    const known = expected.get(record.outTradeNo);
    if (outcomes[index] || !known || (known.amount === record.amount && known.currency === record.currency)) return;
    outcomes[index] = { kind: 'refused', refusal: refuse('AMOUNT_MISMATCH', `amount ${record.amount} ${record.currency}, the order's payable total is ${known.amount} ${known.currency}`) };
  });
}

function toRow({ record, outcome }: VerifiedNotification, confirming: boolean): PublishedNotificationRow {
  return {
    provider: record.provider,
    transactionId: record.transactionId ?? '',
    tradeState: record.tradeState,
    outTradeNo: record.outTradeNo,
    notificationId: record.notificationId,
    amount: record.amount,
    currency: record.currency,
    receivedAtMs: record.receivedAt,
    // Balance confirmation (the third condition of payment completion) is owed for paid states only.
    needsConfirmation: confirming && isPaidOutcome(outcome),
  };
}

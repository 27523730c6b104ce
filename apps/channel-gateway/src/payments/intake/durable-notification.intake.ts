import { Inject, Injectable } from '@nestjs/common';
import { SingleFlightBatcher, type MessageBus } from '@oms/messaging';
import { isPaidOutcome } from '@oms/payment-protocols';
import { withTransaction } from '@oms/postgres';
import type { Pool } from 'pg';
import { gatewayMetrics } from '../../operations/gateway-metrics';
import { MESSAGE_BUS, PG_POOL } from '../../infrastructure/tokens';
import { ConfirmationWorker } from '../confirmation/confirmation.worker';
import { NotificationClaimRepository } from './notification-claim.repository';
import type { ClaimRow, ClaimVerdict } from './notification-claim.statement';
import { refuse, type Refusal } from './notification-refusal';
import { paymentNotificationMessage } from './payment-notification.message';
import type { VerifiedNotification } from './verified-notification';

/** Most notifications in one transaction. */
const INTAKE_MAX_BATCH = 500;
/**
 * Transactions in flight at once: one. A second one used to overlap its PostgreSQL round trips
 * with the first one's publish, but the producer has one request in flight (idempotent, ordered),
 * so its publish queued behind the first anyway; and since the claim takes one round trip instead
 * of three, one flush is short (3–4 ms at 2,000/s on the 2-core bench machine vs 5 ms for each of
 * two). Measured interleaved at 2,000/s (RESULTS.md, 2026-11-30 fourth pass): p50 5.4 vs 7.2 ms,
 * 7 % less CPU per notification (batches of 7.4 instead of 5.3: every batch costs a Kafka send
 * and two round trips), p99 alike. Had it more, concurrent batches still could not both accept a
 * nonce or a dedupe key: the unique indexes make the later one wait for the earlier's commit.
 */
const INTAKE_CONCURRENCY = 1;

/** What the durable step decided for one notification. */
export type IntakeOutcome = { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'refused'; refusal: Refusal };

/**
 * The durable step of a verified notification: "never answer a callback 200 before the fact is
 * durable". Per batch of concurrent notifications, one transaction in three round trips (two to
 * PostgreSQL, one to the broker):
 *
 * 1. BEGIN and one statement that records the signature nonces (a nonce already there →
 *    replay, refused), compares amounts with the payable totals of known orders (different →
 *    refused) and inserts the dedupe rows (a key already there → duplicate, answered 200, not
 *    republished) — see `notificationClaimSql`;
 * 2. publishes the new records to Kafka and waits for acks all;
 * 3. commits — only then are the requests answered.
 *
 * Publish-before-commit means a crash between 2 and 3 leaves no row, so the provider's retry
 * republishes: a possible duplicate record (same `message-id`, dropped by consumers' inboxes),
 * never a lost one. The opposite order could answer a retry "duplicate" for a fact never published.
 */
@Injectable()
export class DurableNotificationIntake {
  private readonly batcher = new SingleFlightBatcher<VerifiedNotification, IntakeOutcome>((items) => this.flush(items), INTAKE_MAX_BATCH, INTAKE_CONCURRENCY);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<unknown>,
    private readonly claims: NotificationClaimRepository,
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
    const rows = items.map((item) => toClaimRow(item, this.confirmations.enabled));
    const flushTimer = gatewayMetrics.intakeFlushSeconds.startTimer();
    // BEGIN travels with the claim statement: one round trip fewer than a BEGIN of its own.
    const verdicts = await withTransaction(this.pool, async (client) => {
      const claimed = await this.claims.beginAndClaim(client, rows);
      const publishTimer = gatewayMetrics.intakePublishSeconds.startTimer();
      const accepted = items.filter((_, index) => claimed[index].kind === 'accepted');
      await this.bus.producer.send(accepted.map((item) => paymentNotificationMessage(item.record)));
      publishTimer();
      return claimed;
    }, { workBegins: true });
    flushTimer();
    rows.forEach((row, index) => {
      if (verdicts[index].kind === 'accepted' && row.needsConfirmation) this.confirmations.enqueue(row);
    });
    return verdicts.map((verdict, index) => toOutcome(verdict, items[index]));
  }
}

function toOutcome(verdict: ClaimVerdict, { record }: VerifiedNotification): IntakeOutcome {
  switch (verdict.kind) {
    case 'accepted':
    case 'duplicate':
      return { kind: verdict.kind };
    case 'replayed':
      return { kind: 'refused', refusal: refuse('REPLAYED_NONCE', 'Wechatpay-Nonce already accepted') };
    case 'mismatched':
      return {
        kind: 'refused',
        refusal: refuse('AMOUNT_MISMATCH', `amount ${record.amount} ${record.currency}, the order's payable total is ${verdict.expectedAmount} ${verdict.expectedCurrency}`),
      };
  }
}

function toClaimRow({ record, outcome, nonce }: VerifiedNotification, confirming: boolean): ClaimRow {
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
    nonce: nonce?.value ?? null,
    signedAtMs: nonce?.signedAtMs ?? null,
  };
}

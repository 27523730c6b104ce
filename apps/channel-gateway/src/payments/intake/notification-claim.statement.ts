import type { PublishedNotificationRow } from './payment-notification.repository';

/** One notification of an intake batch, as the claim statement reads it: its dedupe row and its nonce. */
export interface ClaimRow extends PublishedNotificationRow {
  /** The signature nonce to record, null for a provider without one (Alipay). */
  nonce: string | null;
  signedAtMs: number | null;
}

/** What the statement decided for one row; a row it does not name is a duplicate of a published fact. */
export type ClaimVerdict =
  | { kind: 'accepted' }
  | { kind: 'duplicate' }
  | { kind: 'replayed' }
  | { kind: 'mismatched'; expectedAmount: number; expectedCurrency: string };

/** A row of the statement's answer. */
export interface ClaimAnswerRow {
  i: number;
  verdict: 'accepted' | 'replayed' | 'mismatched';
  amount: number | null;
  currency: string | null;
}

/**
 * The whole durable step of a batch but the publish and the COMMIT, as one round trip: it opens
 * the transaction and, in one statement,
 *
 * 1. records the signature nonces (ordered, so two concurrent batches lock in the same order);
 *    a nonce already there, or a later copy of one in the same batch, is a replay;
 * 2. compares the amount with the payable total of a known order (refused when different);
 * 3. inserts the dedupe rows of the rest; the first copy of a key in the batch takes it, a key
 *    already there is a duplicate (answered 200, not republished).
 *
 * Why one simple query with the batch as one JSON literal instead of bound parameters: the
 * extended protocol allows a single statement per round trip, so BEGIN would cost a round trip
 * of its own — each one a turn of the busiest event loop of the gateway before the answer.
 * The JSON is the only text in the SQL that comes from a request; it is quoted by
 * {@link quoteLiteral}.
 */
export function notificationClaimSql(rows: readonly ClaimRow[]): string {
  const batch = JSON.stringify(rows.map((row, i) => ({ i, ...row, notificationId: wellFormed(row.notificationId) })));
  return `BEGIN;
WITH batch AS (
  SELECT * FROM json_to_recordset(${quoteLiteral(batch)}::json) AS b(
    i int, provider text, nonce text, "signedAtMs" bigint, "transactionId" text, "tradeState" text, "outTradeNo" text,
    "notificationId" text, amount bigint, currency text, "receivedAtMs" bigint, "needsConfirmation" boolean)
),
claimed AS (
  INSERT INTO notification_nonces (provider, nonce, signed_at)
  SELECT provider, nonce, to_timestamp("signedAtMs" / 1000.0) FROM batch WHERE nonce IS NOT NULL ORDER BY provider, nonce
  ON CONFLICT (provider, nonce) DO NOTHING
  RETURNING provider, nonce
),
replayed AS (
  SELECT i FROM batch WHERE nonce IS NOT NULL
  EXCEPT
  SELECT min(b.i) FROM batch b JOIN claimed c USING (provider, nonce) GROUP BY provider, nonce
),
mismatched AS (
  SELECT b.i, e.amount, e.currency FROM batch b JOIN expected_payments e ON e.out_trade_no = b."outTradeNo"
  WHERE (e.amount <> b.amount OR e.currency <> b.currency) AND b.i NOT IN (SELECT i FROM replayed)
),
candidates AS (
  SELECT * FROM batch WHERE i NOT IN (SELECT i FROM replayed) AND i NOT IN (SELECT i FROM mismatched)
),
inserted AS (
  INSERT INTO payment_notifications (provider, transaction_id, trade_state, out_trade_no, notification_id, amount, currency, received_at, needs_confirmation)
  SELECT provider, "transactionId", "tradeState", "outTradeNo", "notificationId", amount, currency, to_timestamp("receivedAtMs" / 1000.0), "needsConfirmation"
  FROM candidates ORDER BY provider, "transactionId", "tradeState", i
  ON CONFLICT (provider, transaction_id, trade_state) DO NOTHING
  RETURNING provider, transaction_id, trade_state
)
SELECT i, 'replayed' AS verdict, NULL::float8 AS amount, NULL::text AS currency FROM replayed
UNION ALL SELECT i, 'mismatched', amount::float8, currency FROM mismatched
UNION ALL SELECT min(c.i), 'accepted', NULL, NULL FROM candidates c
  JOIN inserted n ON (n.provider, n.transaction_id, n.trade_state) = (c.provider, c."transactionId", c."tradeState")
  GROUP BY c.provider, c."transactionId", c."tradeState"`;
}

/**
 * A PostgreSQL string literal of `text`, whatever `standard_conforming_strings` says: quotes
 * doubled, and when there is a backslash an escape string (`E'…'`) with backslashes doubled — the
 * rule of node-pg's `escapeLiteral`, with two native replaces instead of its character loop (it
 * quotes the whole batch, every batch).
 */
export function quoteLiteral(text: string): string {
  const quoted = `'${text.replace(/'/g, "''")}'`;
  return text.includes('\\') ? ` E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/**
 * `text` with each lone UTF-16 surrogate replaced by U+FFFD — what node-pg's UTF-8 encoding of a
 * bound parameter did. Here JSON.stringify would write it as a `\udXXX` escape, which
 * PostgreSQL's json parser rejects, failing the whole batch. Only the notification id needs it:
 * every other text of a row has passed a format check.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** One verdict per row of the batch, in order, from the statement's answer. */
export function claimVerdicts(count: number, answer: readonly ClaimAnswerRow[]): ClaimVerdict[] {
  const verdicts: ClaimVerdict[] = Array.from({ length: count }, () => ({ kind: 'duplicate' }));
  for (const row of answer) {
    verdicts[row.i] =
      row.verdict === 'mismatched' ? { kind: 'mismatched', expectedAmount: Number(row.amount), expectedCurrency: String(row.currency) } : { kind: row.verdict };
  }
  return verdicts;
}

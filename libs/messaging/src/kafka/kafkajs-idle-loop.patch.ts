/**
 * Stops kafkajs 2.2.4's idle timer loop. After every check of its pending requests, each broker
 * connection's `RequestQueue` re-arms a timer — with nothing pending and no throttle too, at
 * `throttledUntil - Date.now()`, a negative delay node runs after 1 ms — so every connection
 * wakes the process a thousand times a second for ever (tulios/kafkajs#1556 and #1704; the fixes,
 * #1667 and #1768, are unmerged and 2.2.4 is the last release). On this machine that was a steady
 * share of an idle service's CPU (15 % to 60 % of it, by service).
 *
 * The replacement keeps the method's logic and drops only that case: with requests pending it
 * checks again after the throttle ends, or after 10 ms (kafkajs's own interval); under a throttle
 * it checks when the throttle ends; with nothing pending and no throttle it arms nothing — a push
 * that cannot be sent at once arms a check itself, and every answered or timed-out request checks.
 * Patched once per process, on the class every kafkajs client of the process shares.
 */
// kafkajs exports no types for its internals; this is the part of the class the method touches.
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's `CHECK_PENDING_REQUESTS_INTERVAL`. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

function scheduleCheckPendingRequests(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId) return; // a check is already armed
  const untilUnthrottled = this.throttledUntil - Date.now();
  if (this.pending.length === 0 && untilUnthrottled <= 0) return; // nothing to wait for
  const delayMs = untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delayMs);
}

/** The kafkajs class the patch replaces a method of (a deep import: kafkajs is pinned to 2.2.4). */
export const KafkajsRequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };

/** The one kafkajs release whose method the replacement was written from. */
const PATCHED_VERSION = '2.2.4';
const installed = (require('kafkajs/package.json') as { version: string }).version;

// Another release may have changed the method: it is kept as it is rather than overwritten blind.
if (installed === PATCHED_VERSION) KafkajsRequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
else process.emitWarning(`kafkajs ${installed} is not ${PATCHED_VERSION}: its idle-loop patch (@oms/messaging) is not applied; check tulios/kafkajs#1556 and update the patch`);

import { isLifecycleStatus, type ReviewItemRaised } from '@oms/order-domain';
import { fromAvroActor, toAvroActor } from './actor.mapper';
import { eventOf, metaOf, type EventMapper } from './event-mapper';
import { REVIEW_CAUSE_KINDS } from './review-causes';

type ReviewCause = ReviewItemRaised['data']['cause'];

/**
 * `CommandRejected`: the domain's `not_placed` is Avro's null state; the rejection code rides in
 * `code` (v2). Records without a code (v1) read as `UNKNOWN`.
 */
export const commandRejectedMapper: EventMapper<'CommandRejected'> = {
  toAvro({ data }) {
    return {
      ...metaOf(data),
      command: data.command,
      commandId: data.commandId,
      state: data.state === 'not_placed' ? null : data.state,
      reason: data.reason,
      requestedBy: data.actor && toAvroActor(data.actor),
      code: data.code,
    };
  },
  fromAvro(value) {
    const state = value.state ?? 'not_placed';
    if (!isLifecycleStatus(state)) throw new RangeError(`CommandRejected.state ${state} is not an order status`);
    return eventOf('CommandRejected', {
      ...metaOf(value),
      command: value.command,
      commandId: value.commandId ?? '',
      state,
      code: value.code ?? 'UNKNOWN',
      reason: value.reason,
      actor: value.requestedBy && fromAvroActor(value.requestedBy),
    });
  },
};

/** The subject a review key names after its cause (`SIGNATURE_NOT_VERIFIED:WECHAT_PAY:…` → `WECHAT_PAY:…`). */
function subjectOf(reviewKey: string, cause: string): string | null {
  return reviewKey.startsWith(`${cause}:`) ? reviewKey.slice(cause.length + 1) : null;
}

/**
 * `ReviewItemRaised`: Avro's `cause` is the coarse kind from the data file; the precise cause and
 * the review key ride in `detailedCause` and `reviewKey` (v2). The item id is derived from the
 * key, which is raised once per order.
 */
export const reviewItemRaisedMapper: EventMapper<'ReviewItemRaised'> = {
  toAvro({ data }) {
    const kind = REVIEW_CAUSE_KINDS[data.cause];
    if (!kind) throw new RangeError(`review cause ${data.cause} is not in review-causes.data.json`);
    return {
      ...metaOf(data),
      reviewItemId: `${data.orderId}:${data.reviewKey}`,
      cause: kind,
      detail: data.detail,
      subjectRef: subjectOf(data.reviewKey, data.cause),
      detailedCause: data.cause,
      reviewKey: data.reviewKey,
    };
  },
  fromAvro(value) {
    // A v1 record has only the coarse kind; it is the best cause there is.
    const cause = (value.detailedCause ?? value.cause) as ReviewCause;
    const reviewKey = value.reviewKey ?? `${cause}:${value.subjectRef ?? value.reviewItemId}`;
    return eventOf('ReviewItemRaised', { ...metaOf(value), cause, detail: value.detail, reviewKey });
  },
};

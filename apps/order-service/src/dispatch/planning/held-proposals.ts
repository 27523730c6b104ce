import type { LoadedOrder } from '../../orders/loaded-order';
import type { TrailAppend } from '../trail/dispatch-trail.writer';

/**
 * The writes of the proposals a decision batch makes, held until the batch has decided every
 * group so that each takes one statement for the batch: the `DispatchProposed` appends (each at
 * the version the batch read the order) and the pending rows' PROPOSED status. They belong to the
 * batch's transaction: written before it commits, or lost with it.
 */
export class HeldProposals {
  readonly appends: Array<TrailAppend & { known: LoadedOrder }> = [];
  readonly proposed: Array<{ dispatchPlanId: string; orderIds: readonly string[] }> = [];
}

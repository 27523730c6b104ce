/** Where a review item is in its life: nobody on it, someone on it, done. */
export type ReviewStatus = 'OPEN' | 'CLAIMED' | 'RESOLVED';

/** What an operator did, as the audit trail records it. */
export type ReviewAction = 'CLAIMED' | 'RELEASED' | 'RESOLVED';

/** The state an item's last action leaves it in. */
export interface ReviewState {
  status: ReviewStatus;
  /** Who claimed or resolved it; null when open. */
  actor: string | null;
}

/** The state before any action. */
export const OPEN_STATE: ReviewState = { status: 'OPEN', actor: null };

/**
 * Whether `actor` may do `action` in `state`; the reason when not. Claiming is exclusive (a second
 * operator gets a conflict, not a silent takeover); only the claimant releases; an item is resolved
 * once, by its claimant or straight from open.
 */
export function refusalOf(state: ReviewState, action: ReviewAction, actor: string): string | null {
  if (state.status === 'RESOLVED') return `already resolved by ${state.actor}`;
  if (action === 'CLAIMED' && state.status === 'CLAIMED') return state.actor === actor ? `already claimed by ${actor}` : `claimed by ${state.actor}`;
  if (action === 'RELEASED' && (state.status !== 'CLAIMED' || state.actor !== actor)) return state.status === 'OPEN' ? 'not claimed' : `claimed by ${state.actor}, not ${actor}`;
  if (action === 'RESOLVED' && state.status === 'CLAIMED' && state.actor !== actor) return `claimed by ${state.actor}, not ${actor}`;
  return null;
}

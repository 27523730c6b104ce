import type { OrderState } from '../aggregate/order-state';
import type { Actor } from '../model/order-values';
import rawRoles from './order-change-roles.data.json';

/** Roles that may change any order, from `order-change-roles.data.json`. */
export const PRIVILEGED_ROLES: readonly string[] = loadPrivilegedRoles(rawRoles);

/** Validates the roles data file; throws at load time when it is not a list of role names. */
export function loadPrivilegedRoles(raw: unknown): readonly string[] {
  const roles = (raw as { privilegedRoles?: unknown } | null)?.privilegedRoles;
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string' && role !== '')) {
    throw new Error('Order change roles: expected { "privilegedRoles": ["role", ...] }');
  }
  return Object.freeze([...roles]);
}

/**
 * May `actor` change this order? The source article: only the order's creator, a customer-service
 * supervisor or a warehouse manager. The creator is matched by id, never by role — a customer
 * may change their own order, not another customer's.
 */
export function mayChangeOrder(actor: Actor, order: OrderState, privilegedRoles: readonly string[] = PRIVILEGED_ROLES): boolean {
  if (order.createdBy !== null && actor.actorId === order.createdBy.actorId) return true;
  return privilegedRoles.includes(actor.role);
}

import { actorRoleSymbols, type Actor as AvroActor, type ActorRole } from '@oms/contracts';
import type { Actor } from '@oms/order-domain';

/**
 * The domain's roles are free text checked against a data file; Avro's are the `ActorRole` enum.
 * The bridge is the lower-case symbol name (`customer_service_supervisor` ↔
 * `CUSTOMER_SERVICE_SUPERVISOR`), the form the domain's role data file already uses.
 */
export const ACTOR_ROLES: readonly string[] = actorRoleSymbols.map((symbol) => symbol.toLowerCase());

/** Roles a person may act in over HTTP: every known role except the machine ones. */
export const PERSON_ROLES: readonly string[] = ACTOR_ROLES.filter((role) => role !== 'system' && role !== 'channel');

/** The service acting on its own (compensation, timeouts): Avro's answer to the domain's `null` actor. */
export const SYSTEM_ACTOR: AvroActor = Object.freeze({ actorId: 'order-service', role: 'SYSTEM', displayName: null });

/** The `ActorRole` of a domain role, or null when the role has no symbol. */
export function actorRoleOf(role: string): ActorRole | null {
  const symbol = role.toUpperCase();
  const known = (actorRoleSymbols as readonly string[]).includes(symbol) && role === role.toLowerCase();
  return known ? (symbol as ActorRole) : null;
}

/** A domain actor as Avro; `displayName` is a fact the domain does not keep. Throws for an unknown role. */
export function toAvroActor(actor: Actor, displayName: string | null = null): AvroActor {
  const role = actorRoleOf(actor.role);
  if (role === null) throw new RangeError(`actor role "${actor.role}" is not one of ${ACTOR_ROLES.join(', ')}`);
  return { actorId: actor.actorId, role, displayName };
}

/** An Avro actor as the domain sees it. */
export function fromAvroActor(actor: AvroActor): Actor {
  return { actorId: actor.actorId, role: actor.role.toLowerCase() };
}

/**
 * For fields where the domain says `null` = "the system did it" and Avro requires an actor: null
 * becomes {@link SYSTEM_ACTOR}. A person claiming the `system` role would be read back as null,
 * so it is refused.
 */
export function toAvroActorOrSystem(actor: Actor | null): AvroActor {
  if (actor === null) return SYSTEM_ACTOR;
  if (actor.role === 'system') throw new RangeError(`actor ${actor.actorId} may not act in the system role`);
  return toAvroActor(actor);
}

/** The inverse of {@link toAvroActorOrSystem}. */
export function fromAvroActorOrSystem(actor: AvroActor): Actor | null {
  return actor.role === 'SYSTEM' ? null : fromAvroActor(actor);
}

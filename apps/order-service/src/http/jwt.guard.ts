import { ForbiddenException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { bearerClaimsOf } from '@oms/nest-kit';
import type { Actor } from '@oms/order-domain';
import { ORDER_SERVICE_CONFIG } from '../app/tokens';
import type { OrderServiceConfig } from '../config/order-service.config';
import { PERSON_ROLES } from '../mapping/actor.mapper';

/** A request that passed {@link JwtGuard}: the acting user, as the domain sees actors. */
export interface AuthenticatedRequest {
  headers: { authorization?: string };
  actor: Actor;
}

/**
 * Bearer tokens (HS256, key `JWT_SECRET`) on order changes: no or an invalid token → 401; a role
 * outside the known vocabulary → 403 (it could not be recorded faithfully, and grants nothing).
 * Whether this actor may change this order is the domain's decision (FORBIDDEN → 403).
 */
@Injectable()
export class JwtGuard implements CanActivate {
  constructor(@Inject(ORDER_SERVICE_CONFIG) private readonly config: OrderServiceConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const claims = bearerClaimsOf(request.headers.authorization, this.config.JWT_SECRET);
    if (!PERSON_ROLES.includes(claims.role)) throw new ForbiddenException(`role ${claims.role} may not change orders; known roles: ${PERSON_ROLES.join(', ')}`);
    request.actor = { actorId: claims.sub, role: claims.role };
    return true;
  }
}

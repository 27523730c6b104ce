import { ForbiddenException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { bearerClaimsOf } from '@oms/nest-kit';
import { RECONCILIATION_CONFIG } from '../app/tokens';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';

/** The one role that may claim, release and resolve review items. */
export const FINANCE_REVIEWER_ROLE = 'finance_reviewer';

/** A request that passed {@link FinanceReviewerGuard}: `reviewer` is the token's subject. */
export interface ReviewerRequest {
  headers: { authorization?: string };
  body?: unknown;
  reviewer: string;
}

/**
 * Bearer tokens (HS256, key `JWT_SECRET`) on review-queue actions: no or an invalid token → 401;
 * a role other than `finance_reviewer` → 403. The token's `sub` is who the audit trail records,
 * so nobody can act under another operator's name.
 */
@Injectable()
export class FinanceReviewerGuard implements CanActivate {
  constructor(@Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationServiceConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ReviewerRequest>();
    const claims = bearerClaimsOf(request.headers.authorization, this.config.JWT_SECRET);
    if (claims.role !== FINANCE_REVIEWER_ROLE) throw new ForbiddenException(`role ${claims.role} may not act on review items; only ${FINANCE_REVIEWER_ROLE} may`);
    request.reviewer = claims.sub;
    return true;
  }
}

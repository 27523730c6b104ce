import { createParamDecorator, ForbiddenException, type ExecutionContext } from '@nestjs/common';
import type { ReviewerRequest } from './finance-reviewer.guard';

/**
 * Who acts: the subject {@link FinanceReviewerGuard} authenticated. The body's `actor` field is
 * kept for clients written before tokens: it may be left out or repeat the subject, but naming
 * anyone else is refused (403) rather than silently replaced, so a client that believes it acts
 * for someone else finds out.
 */
export const ActingReviewer = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<ReviewerRequest>();
  const claimed = (request.body as { actor?: unknown } | undefined)?.actor;
  if (claimed !== undefined && claimed !== null && claimed !== request.reviewer) {
    throw new ForbiddenException(`actor ${JSON.stringify(claimed)} is not the token's subject ${request.reviewer}; leave actor out, the token says who acts`);
  }
  return request.reviewer;
});

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@oms/order-domain';
import type { AuthenticatedRequest } from './jwt.guard';

/** The actor {@link JwtGuard} authenticated. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
});

import { UnauthorizedException } from '@nestjs/common';
import { InvalidTokenError, verifyHs256, type TokenClaims } from './jwt.verifier';

// RFC 6750 §2.1: the scheme is case-insensitive, the token one run of non-blank characters.
const BEARER = /^Bearer +(\S+)\s*$/i;

/**
 * The verified claims of an `Authorization: Bearer <JWT>` header (HS256 with `secret`, see
 * {@link verifyHs256}), or a 401 (`UnauthorizedException`) saying why not: no header, another
 * scheme, or a token that does not verify. What the claims allow (roles → 403) is the caller's
 * guard's decision.
 *
 * Token times are checked against the wall clock (`nowMs`, default `Date.now()`), never a
 * service's business clock: a test or a scenario may move that clock to another day, and a
 * token's `exp` is about the real world.
 *
 * @example
 * const claims = bearerClaimsOf(request.headers.authorization, config.JWT_SECRET);
 * if (claims.role !== 'finance_reviewer') throw new ForbiddenException('…');
 */
export function bearerClaimsOf(authorization: string | undefined, secret: string, nowMs = Date.now()): TokenClaims {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <JWT>)');
  try {
    return verifyHs256(token, secret, nowMs);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
    throw error;
  }
}

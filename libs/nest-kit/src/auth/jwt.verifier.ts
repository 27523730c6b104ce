import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims the services read from a bearer token. */
export interface TokenClaims {
  /** The user id: who acts (order-service matches it against the order's creator; reconciliation-service records it in the audit trail). */
  sub: string;
  /** The role the user acts in, e.g. `customer_service_supervisor` or `finance_reviewer`. */
  role: string;
  [claim: string]: unknown;
}

/** Why a token was not accepted; {@link bearerClaimsOf} answers 401 with it. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

function decodeJson(segment: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new InvalidTokenError(`the token ${what} is not a base64url JSON object`);
}

/**
 * Verifies a compact JWS signed with HS256 (RFC 7515/7519) and returns its claims: the algorithm
 * must be HS256 (never `none`, never chosen by the token), the signature is compared in constant
 * time, `exp`/`nbf` (seconds) are enforced with `leewaySeconds`, and `sub` and `role` must be
 * non-empty strings.
 *
 * @example
 * const claims = verifyHs256(token, config.JWT_SECRET); // { sub: 'cs-7', role: 'customer_service_supervisor', … }
 */
export function verifyHs256(token: string, secret: string, nowMs = Date.now(), leewaySeconds = 30): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('the token is not a compact JWS (header.payload.signature)');
  const [header, payload, signature] = parts as [string, string, string];
  if (decodeJson(header, 'header')['alg'] !== 'HS256') throw new InvalidTokenError('the token is not signed with HS256');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError('the token signature does not verify');
  const claims = decodeJson(payload, 'payload');
  const now = nowMs / 1000;
  if (typeof claims['exp'] === 'number' && now > claims['exp'] + leewaySeconds) throw new InvalidTokenError('the token has expired');
  if (typeof claims['nbf'] === 'number' && now < claims['nbf'] - leewaySeconds) throw new InvalidTokenError('the token is not valid yet');
  if (typeof claims['sub'] !== 'string' || claims['sub'] === '') throw new InvalidTokenError('the token has no sub (user id) claim');
  if (typeof claims['role'] !== 'string' || claims['role'] === '') throw new InvalidTokenError('the token has no role claim');
  return claims as TokenClaims;
}

/** Signs claims with HS256: for tests, tools and the demo (the services themselves only verify). */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/**
 * Parser of an HS256 key for `@oms/config` specs: at least 16 characters, since a shorter HMAC
 * key can be brute-forced from a single captured token.
 *
 * @example
 * JWT_SECRET: { parse: parseHs256Secret, secret: true, description: 'HS256 key of the bearer tokens' }
 */
export function parseHs256Secret(raw: string): string {
  if (raw.length < 16) throw new Error('expected at least 16 characters');
  return raw;
}

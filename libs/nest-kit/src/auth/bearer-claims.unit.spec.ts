import { createHmac } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';
import { bearerClaimsOf } from './bearer-claims';
import { parseHs256Secret, signHs256 } from './jwt.verifier';

const SECRET = 'nest-kit-test-secret-0123456789';
const NOW_MS = Date.parse('2024-06-18T10:00:00Z');
const nowSeconds = NOW_MS / 1000;

/** The 401 message `bearerClaimsOf` answers with, or 'accepted'. */
function refusalOf(authorization: string | undefined): string {
  try {
    bearerClaimsOf(authorization, SECRET, NOW_MS);
    return 'accepted';
  } catch (error) {
    if (error instanceof UnauthorizedException) return error.message;
    throw error;
  }
}

/** A token whose header says `alg`, signed (if at all) with SECRET. */
function tokenWithAlgorithm(alg: string, claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = alg === 'none' ? '' : createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('bearerClaimsOf: the Authorization header of a request, verified HS256', () => {
  const claims = { sub: 'finance.li', role: 'finance_reviewer', exp: nowSeconds + 600 };

  it('answers the claims of a valid bearer token', () => {
    expect(bearerClaimsOf(`Bearer ${signHs256(claims, SECRET)}`, SECRET, NOW_MS)).toEqual(claims);
    expect(bearerClaimsOf(`bearer ${signHs256(claims, SECRET)}`, SECRET, NOW_MS).sub).toBe('finance.li');
  });

  it('answers 401 without a bearer token', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', `Basic ${Buffer.from('li:pw').toString('base64')}`, signHs256(claims, SECRET)]) {
      expect(refusalOf(header)).toBe('a bearer token is required (Authorization: Bearer <JWT>)');
    }
  });

  it('answers 401 naming why a token does not verify', () => {
    expect(refusalOf(`Bearer ${signHs256(claims, 'another-secret-0123456789')}`)).toBe('the token signature does not verify');
    expect(refusalOf(`Bearer ${tokenWithAlgorithm('none', claims)}`)).toBe('the token is not signed with HS256');
    expect(refusalOf(`Bearer ${signHs256({ ...claims, exp: nowSeconds - 31 }, SECRET)}`)).toBe('the token has expired');
    expect(refusalOf(`Bearer ${signHs256({ ...claims, nbf: nowSeconds + 31 }, SECRET)}`)).toBe('the token is not valid yet');
    expect(refusalOf(`Bearer ${signHs256({ role: 'finance_reviewer' }, SECRET)}`)).toBe('the token has no sub (user id) claim');
    expect(refusalOf(`Bearer ${signHs256({ sub: 'finance.li' }, SECRET)}`)).toBe('the token has no role claim');
    expect(refusalOf('Bearer not-a-jws')).toBe('the token is not a compact JWS (header.payload.signature)');
  });

  it('accepts exp and nbf within the 30 s leeway', () => {
    expect(refusalOf(`Bearer ${signHs256({ ...claims, exp: nowSeconds - 30, nbf: nowSeconds + 30 }, SECRET)}`)).toBe('accepted');
  });
});

describe('parseHs256Secret', () => {
  it('refuses keys shorter than 16 characters', () => {
    expect(parseHs256Secret('0123456789abcdef')).toBe('0123456789abcdef');
    expect(() => parseHs256Secret('0123456789abcde')).toThrow('expected at least 16 characters');
  });
});

// The HS256 verifier lives in @oms/nest-kit (shared with reconciliation-service). This path stays
// because code outside order-service imports `signHs256` from it (fulfillment-service's testing
// helpers).
export { InvalidTokenError, signHs256, verifyHs256, type TokenClaims } from '@oms/nest-kit';

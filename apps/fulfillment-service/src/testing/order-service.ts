// The full-system test runs a real order-service beside this one; reaching into its test harness
// is what such a test is for.
/* eslint-disable @nx/enforce-module-boundaries */
export { startHarness as startOrderServiceHarness, TEST_JWT_SECRET, type ServiceHarness as OrderServiceHarness } from '../../../order-service/src/testing/service-harness';
export { dispatchOrderRecords } from '../../../order-service/src/testing/dispatch-orders';
export { newRunId } from '../../../order-service/src/testing/ingress-records';
export { signHs256 } from '../../../order-service/src/http/jwt.verifier';

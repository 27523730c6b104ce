// Drops the reconciliation tables' content and derives it again from the stored inputs:
//   node -r @swc-node/register apps/reconciliation-service/src/cli/rebuild-projection.ts
// The review audit trail and the inputs are untouched.
import { runMatchingCommand } from './matching-command';

runMatchingCommand('rebuild-projection', (projector, now) => projector.rebuild(now));

// Runs one matching run now, as the service does after new inputs (only changed rows are written):
//   node -r @swc-node/register apps/reconciliation-service/src/cli/match.ts
// Useful after an import while the service is down.
import { runMatchingCommand } from './matching-command';

runMatchingCommand('match', (projector, now) => projector.run(now));

import { deploymentProblems } from '@oms/testing';
import { reconciliationServiceEnv } from './reconciliation-service.config';

// docker-compose.yml and deploy/kubernetes describe this service; they must set only variables
// it reads, every one it requires, and the port it listens on.
it('docker-compose.yml and deploy/kubernetes/reconciliation-service.yaml agree with the configuration reconciliation-service validates', () => {
  expect(deploymentProblems('reconciliation-service', reconciliationServiceEnv, 'HTTP_PORT')).toEqual([]);
});

import { deploymentProblems } from '@oms/testing';
import { fulfillmentServiceEnv } from './fulfillment-service.config';

// docker-compose.yml and deploy/kubernetes describe this service; they must set only variables
// it reads, every one it requires, and the port it listens on.
it('docker-compose.yml and deploy/kubernetes/fulfillment-service.yaml agree with the configuration fulfillment-service validates', () => {
  expect(deploymentProblems('fulfillment-service', fulfillmentServiceEnv, 'HTTP_PORT')).toEqual([]);
});

import { deploymentProblems } from '@oms/testing';
import { orderServiceEnv } from './order-service.config';

// docker-compose.yml and deploy/kubernetes describe this service; they must set only variables
// it reads, every one it requires, and the port it listens on.
it('docker-compose.yml and deploy/kubernetes/order-service.yaml agree with the configuration order-service validates', () => {
  expect(deploymentProblems('order-service', orderServiceEnv, 'HTTP_PORT')).toEqual([]);
});

import { deploymentProblems } from '@oms/testing';
import { gatewayEnv } from './gateway-env';

// docker-compose.yml and deploy/kubernetes describe this service; they must set only variables
// it reads, every one it requires, and the port it listens on.
it('docker-compose.yml and deploy/kubernetes/channel-gateway.yaml agree with the configuration channel-gateway validates', () => {
  expect(deploymentProblems('channel-gateway', gatewayEnv, 'PORT')).toEqual([]);
});

// The tests run the real simulators over HTTP; importing another app's entry point is what a test
// harness (like the backbone runner) is for.
// eslint-disable-next-line @nx/enforce-module-boundaries
export { startLogisticsSimulator, type LogisticsSimulator } from '../../../simulators/src/carriers/logistics.simulator';

export * from './test-database';
export * from './test-kafka';
export * from './wait-for';
export * from './deployment-manifests';
export * from './free-port';
export * from './run-command';

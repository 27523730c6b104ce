export * from './config-error';
export * from './env-spec';
export * from './load-config';
export * from './infrastructure-env';

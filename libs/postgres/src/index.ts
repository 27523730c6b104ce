export * from './create-pool';
export * from './migration';
export * from './migrate-database';
export * from './pg-errors';
export * from './run-migrations';
export * from './with-transaction';
export * from './checkout-scoped';
export * from './commit-effects';

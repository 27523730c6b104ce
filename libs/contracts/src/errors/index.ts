export * from './contract-errors';

export * from './contract-codec';
export type { DecodedValue } from './decoded-value';
export * from './single-object-codec';
export * from './single-object-header';

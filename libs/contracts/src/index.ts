export * from './envelope';
export * from './errors';
export * from './fingerprint';
export * from './generated';
export * from './codec';
export * from './schema';
export * from './topics';

export * from './message-headers';
export * from './outgoing-message';

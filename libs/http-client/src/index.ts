export * from './header-text';
export * from './http-exchange';

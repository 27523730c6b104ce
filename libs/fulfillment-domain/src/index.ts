// The public face of @oms/fulfillment-domain: pure rules of the fulfilment side (no I/O).
export * from './status/status-dictionary';
export * from './status/map-carrier-status';
export * from './status/dictionary-problems';
export * from './status/order-stage';
export * from './tracking/track-credibility';
export * from './tracking/track-history';
export * from './time/carrier-time';
export * from './time/clock-skew';

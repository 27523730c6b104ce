import type { OrderEventName } from '../topics';
import type { RecordTypes } from '../generated';
import { dispatchTrailEventFixtures } from './dispatch-trail-event-fixtures';
import { paymentAndStockEventFixtures } from './payment-and-stock-event-fixtures';
import { shipmentAndChangeEventFixtures } from './shipment-and-change-event-fixtures';

/** Realistic sample values of every order event. */
export const orderEventFixtures: { [N in OrderEventName]: RecordTypes[N] } = {
  ...paymentAndStockEventFixtures,
  ...shipmentAndChangeEventFixtures,
  ...dispatchTrailEventFixtures,
};

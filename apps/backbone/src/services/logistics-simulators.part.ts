// eslint-disable-next-line @nx/enforce-module-boundaries -- the composition root starts the simulators in this process
import { startLogisticsSimulator } from '../../../simulators/src/carriers/logistics.simulator';
import { SCENARIO_CATALOG, STOCK_OUT_SKU } from '../scenario/scenario-catalog';
import type { ServicePart } from './service-part';

/** A carrier status code no carrier documents (so no status dictionary maps it). */
export const UNDOCUMENTED_CARRIER_CODE = '9999';

/** Plenty of every promoted SKU; none of the sold-out gift (the stock-out after payment). */
const PROMOTION_STOCK_UNITS = 100_000;

/** What the warehouses hold when the promotion starts. */
export function promotionStock() {
  return [...SCENARIO_CATALOG.map(({ warehouseId, sku }) => ({ warehouseId, sku, onHand: PROMOTION_STOCK_UNITS })), { warehouseId: STOCK_OUT_SKU.warehouseId, sku: STOCK_OUT_SKU.sku, onHand: 0 }];
}

/**
 * The warehouses (WMS inventory API, e-waybill platform) and the carriers (SF, ZTO, JD, Kuaidi100)
 * over real HTTP, stocked with the promotion's catalog. Carriers push tracks to fulfillment-service
 * once it has started (it sets the push target).
 */
export const logisticsSimulatorsPart: ServicePart = {
  name: 'logistics-simulators',
  available: true,
  async start(context) {
    const simulator = await startLogisticsSimulator({ stock: promotionStock() });
    context.logistics = { url: simulator.url, setPushBaseUrl: (url) => simulator.carriers.setPushBaseUrl(url) };
    return {
      url: simulator.url,
      // The carrier pushes a status code its documentation does not list (no HTTP control route
      // exists for a single event, so the in-process simulator is told directly).
      pushUndocumentedStatus: async (trackingNumber: string) => {
        await simulator.carriers.emit(trackingNumber, UNDOCUMENTED_CARRIER_CODE);
      },
      stop: () => simulator.stop(),
    };
  },
};

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatorRouter } from '../http/simulator-router';
import { registerWarehouse } from '../warehouse/warehouse.simulator';
import { StockBook, type StockLevel } from '../warehouse/stock-book';
import { CarrierSimulator } from './carrier.simulator';

/** Options of {@link startLogisticsSimulator}. */
export interface LogisticsSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  stock?: Array<Omit<StockLevel, 'reserved'>>;
  /** Where carrier pushes go (the fulfillment-service base URL); can be set later. */
  pushBaseUrl?: string;
}

/** The running warehouse, e-waybill platform and carriers on one server. */
export interface LogisticsSimulator {
  url: string;
  stock: StockBook;
  carriers: CarrierSimulator;
  stop(): Promise<void>;
}

/** Starts the warehouse (WMS + e-waybill) and carrier simulators (SF, ZTO, JD, Kuaidi100) on one HTTP server. */
export async function startLogisticsSimulator(options: LogisticsSimulatorOptions = {}): Promise<LogisticsSimulator> {
  const stock = new StockBook(options.stock ?? []);
  const carriers = new CarrierSimulator();
  if (options.pushBaseUrl) carriers.setPushBaseUrl(options.pushBaseUrl);
  const router = new SimulatorRouter();
  registerWarehouse(router, stock, carriers.faults);
  carriers.register(router);
  const server = createServer((request, response) => void router.handle(request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`,
    stock,
    carriers,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

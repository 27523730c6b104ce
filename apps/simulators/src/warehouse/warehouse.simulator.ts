import { json, type SimulatorRouter } from '../http/simulator-router';
import { beijingIso, parseJson } from '../carriers/carrier-dialect';
import type { FaultPlan } from '../carriers/fault-plan';
import { StockBook, type StockRequestLine } from './stock-book';

/** Carriers the simulated e-waybill platform has templates for. */
const E_WAYBILL_CARRIERS = ['SF', 'ZTO', 'JD', 'YTO', 'STO', 'YUNDA', 'JTEXPRESS', 'EMS'];
const RESERVATION_TTL_MS = 30 * 60_000;

/**
 * The simulated warehouse (WMS) inventory API with real stock levels, and the e-waybill
 * (电子面单) platform: `POST /wms/inventory/reservations` (idempotent by reservationId; 409 with
 * OUT_OF_STOCK or UNKNOWN_SKU), `POST /wms/inventory/availability` (dry run), `GET
 * /wms/inventory/stock`, `POST /ewaybill/validate`. Times are ISO-8601 with +08:00.
 */
export function registerWarehouse(router: SimulatorRouter, stock: StockBook, faults: FaultPlan): void {
  router.on('POST', /^\/wms\/inventory\/reservations$/, (request) => {
    if (faults.take('WAREHOUSE')) return json(503, { code: 'BUSY', message: 'WMS busy' });
    const body = parseJson(request.body);
    if (!body || typeof body['reservationId'] !== 'string' || !Array.isArray(body['lines'])) return json(400, { code: 'BAD_REQUEST', message: 'reservationId and lines are required' });
    const outcome = stock.reserve(body['reservationId'], body['lines'] as StockRequestLine[]);
    const decidedAt = beijingIso(Date.now());
    if (outcome.status === 'FAILED') return json(409, { reservationId: body['reservationId'], status: 'FAILED', code: outcome.code, message: outcome.message, decidedAt });
    return json(200, { reservationId: body['reservationId'], status: 'RESERVED', lines: outcome.lines, expiresAt: beijingIso(Date.now() + RESERVATION_TTL_MS), decidedAt });
  });
  router.on('POST', /^\/wms\/inventory\/availability$/, (request) => {
    if (faults.take('WAREHOUSE')) return json(503, { code: 'BUSY', message: 'WMS busy' });
    const body = parseJson(request.body);
    if (!body || typeof body['warehouseId'] !== 'string' || !Array.isArray(body['lines'])) return json(400, { code: 'BAD_REQUEST', message: 'warehouseId and lines are required' });
    const shortages = stock.shortages(body['warehouseId'], body['lines'] as StockRequestLine[]);
    return json(200, { warehouseId: body['warehouseId'], available: shortages.length === 0, shortages });
  });
  router.on('GET', /^\/wms\/inventory\/stock$/, (request) => {
    const level = stock.level(request.query.get('warehouseId') ?? '', request.query.get('sku') ?? '');
    return level ? json(200, level) : json(404, { code: 'UNKNOWN_SKU', message: 'no such stock' });
  });
  router.on('POST', /^\/ewaybill\/validate$/, (request) => {
    const body = parseJson(request.body);
    const address = body?.['address'] as Record<string, unknown> | undefined;
    if (!body || !E_WAYBILL_CARRIERS.includes(String(body['carrier']))) return json(200, { accepted: false, reason: `no e-waybill template for carrier ${String(body?.['carrier'])}` });
    if (!address?.['detail'] || !address['city']) return json(200, { accepted: false, reason: 'address incomplete for the e-waybill (city and detail required)' });
    return json(200, { accepted: true, templateId: `TPL-${String(body['carrier'])}-76x130`, reason: null });
  });
}

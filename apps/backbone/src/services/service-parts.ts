import { channelGatewayPart } from './channel-gateway.part';
import { erpInvoicingPart } from './erp-invoicing.part';
import { fulfillmentServicePart } from './fulfillment-service.part';
import { logisticsSimulatorsPart } from './logistics-simulators.part';
import { orderServicePart } from './order-service.part';
import { reconciliationServicePart } from './reconciliation-service.part';
import type { ServicePart } from './service-part';
import { simulatorsPart } from './simulators.part';

/**
 * Every service of the backbone, in start order (stopped in reverse). The simulators come first
 * (the gateway trusts the keys they generate); consumers before the gateway, so the first order
 * finds its readers. The ERP simulator answers every placed order with its invoice. A new service is one more entry here.
 */
export const SERVICE_PARTS: readonly ServicePart[] = [simulatorsPart, logisticsSimulatorsPart, orderServicePart, erpInvoicingPart, fulfillmentServicePart, reconciliationServicePart, channelGatewayPart];

import type { NormalisedShipmentStatus, OrderShipmentStage } from '@oms/contracts';

/** The order stages in the order they are reached. */
export const ORDER_STAGES: readonly OrderShipmentStage[] = ['PARTIALLY_SHIPPED', 'SHIPPED', 'IN_DELIVERY', 'DELIVERED'];

// Data, not a switch: which order stage one shipment's status stands for. Exceptions and returns
// move the order nowhere (they raise review items or refunds elsewhere); a failed delivery attempt
// means the parcel was out for delivery.
const STAGE_OF_STATUS: Readonly<Record<NormalisedShipmentStatus, OrderShipmentStage | null>> = {
  WAYBILL_CREATED: null,
  PICKED_UP: 'SHIPPED',
  IN_TRANSIT: 'SHIPPED',
  OUT_FOR_DELIVERY: 'IN_DELIVERY',
  DELIVERY_FAILED: 'IN_DELIVERY',
  DELIVERED: 'DELIVERED',
  RETURNING: null,
  RETURNED: null,
  EXCEPTION: null,
};

/** The order stage one shipment's status stands for, or null when it moves the order nowhere. */
export function stageOfStatus(status: NormalisedShipmentStatus): OrderShipmentStage | null {
  return STAGE_OF_STATUS[status];
}

/** The later of two stages (null = not shipped yet). Stages only move forward. */
export function laterStage(a: OrderShipmentStage | null, b: OrderShipmentStage | null): OrderShipmentStage | null {
  if (a === null) return b;
  if (b === null) return a;
  return ORDER_STAGES.indexOf(a) >= ORDER_STAGES.indexOf(b) ? a : b;
}

/**
 * The stage of an order from the furthest stage each sub-order of its plan reached (null for a
 * sub-order not shipped yet): some shipped and some not → PARTIALLY_SHIPPED; all shipped → the
 * stage of the slowest one (the order is delivered when its last parcel is); none → null.
 */
export function orderStageOf(subOrderStages: ReadonlyArray<OrderShipmentStage | null>): OrderShipmentStage | null {
  const shipped = subOrderStages.filter((stage): stage is OrderShipmentStage => stage !== null);
  if (shipped.length === 0) return null;
  if (shipped.length < subOrderStages.length) return 'PARTIALLY_SHIPPED';
  return shipped.reduce((slowest, stage) => (ORDER_STAGES.indexOf(stage) < ORDER_STAGES.indexOf(slowest) ? stage : slowest));
}

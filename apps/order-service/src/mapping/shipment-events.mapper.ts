import { eventOf, metaOf, type EventMapper } from './event-mapper';

/**
 * `DispatchPlanned`: the plan's content belongs to the dispatch engine (`src/dispatch/`), which
 * passes its record as enrichment; the domain keeps id and version.
 */
export const dispatchPlannedMapper: EventMapper<'DispatchPlanned'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    const planned = enrichment.dispatchPlanned;
    if (planned?.dispatchPlanId === data.dispatchPlanId && planned.planVersion === data.version) return { ...planned, ...metaOf(data) };
    const previous = stateBefore.dispatchPlan?.dispatchPlanId === data.dispatchPlanId ? stateBefore.dispatchPlan.version : null;
    return {
      ...metaOf(data), dispatchPlanId: data.dispatchPlanId, planVersion: data.version, previousPlanVersion: previous,
      relatedOrderIds: [], subOrders: [], decisionInputs: '{}', sandboxValidated: false,
    };
  },
  fromAvro(value) {
    return eventOf('DispatchPlanned', { ...metaOf(value), dispatchPlanId: value.dispatchPlanId, version: value.planVersion });
  },
};

/** `OrderShipmentProgressed`: the domain's stage is Avro's progress; it happened when the event did. */
export const orderShipmentProgressedMapper: EventMapper<'OrderShipmentProgressed'> = {
  toAvro({ data }) {
    return {
      ...metaOf(data), progress: data.stage, dispatchPlanId: data.dispatchPlanId, subOrderId: null, carrier: null,
      trackingNumber: null, carrierStatusText: null, trackCredibilityScore: null,
      progressedAt: data.occurredAt, progressedAtText: data.occurredAtText,
    };
  },
  fromAvro(value) {
    return eventOf('OrderShipmentProgressed', { ...metaOf(value), stage: value.progress, dispatchPlanId: value.dispatchPlanId });
  },
};

/** `OrderCompleted`: the domain does not say what completed it; the service's timer is the default trigger. */
export const orderCompletedMapper: EventMapper<'OrderCompleted'> = {
  toAvro({ data }) {
    return { ...metaOf(data), trigger: 'AUTO_CONFIRMED', deliveredAt: data.occurredAt, deliveredAtText: data.occurredAtText };
  },
  fromAvro(value) {
    return eventOf('OrderCompleted', metaOf(value));
  },
};

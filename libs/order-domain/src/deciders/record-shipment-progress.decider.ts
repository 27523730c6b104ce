import type { RecordShipmentProgress } from '../commands/fulfilment-commands';
import { describeCommand, type CommandHandler } from '../decision/command-handler';
import { requiredText } from '../decision/command-validation';
import { conflict } from '../decision/order-rejection';
import { SHIPMENT_STAGES } from '../model/order-values';
import { eventFor } from './order-event-factory';

/**
 * RecordShipmentProgress: WMS and carrier stages. Which jumps are legal is the table's business
 * (decide checks the state the event leads to); here: a stage at or before the one reached is a
 * late or repeated scan and changes nothing, and a scan must carry the order's dispatch plan id.
 */
export const recordShipmentProgressHandler: CommandHandler<RecordShipmentProgress> = {
  validate(command) {
    const { stage, dispatchPlanId } = command.data;
    return [
      ...requiredText({ dispatchPlanId }),
      ...(SHIPMENT_STAGES.includes(stage) ? [] : [`stage must be one of ${SHIPMENT_STAGES.join(', ')}, got ${JSON.stringify(stage)}`]),
    ];
  },

  isDuplicate(command, state) {
    const reached = state.shipmentStage;
    return reached !== null && SHIPMENT_STAGES.indexOf(command.data.stage) <= SHIPMENT_STAGES.indexOf(reached);
  },

  decide(command, state) {
    const { stage, dispatchPlanId } = command.data;
    const planned = state.dispatchPlan?.dispatchPlanId;
    if (planned !== dispatchPlanId) {
      return conflict(describeCommand(command, state), `the scan carries dispatch plan ${dispatchPlanId} but the order's plan is ${planned}`);
    }
    return [eventFor(command, 'OrderShipmentProgressed', { stage, dispatchPlanId })];
  },
};

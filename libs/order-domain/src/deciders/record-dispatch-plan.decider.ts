import type { RecordDispatchPlan } from '../commands/fulfilment-commands';
import { describeCommand, type CommandHandler } from '../decision/command-handler';
import { requiredText } from '../decision/command-validation';
import { conflict } from '../decision/order-rejection';
import { isPositiveInteger } from '../model/minor-units';
import { eventFor } from './order-event-factory';

/**
 * RecordDispatchPlan: ready_to_dispatch → dispatch_planned; in dispatch_planned a newer version of
 * the same plan re-plans (sandbox fallback, address change). A plan keeps its dispatch_plan_id for
 * life so every scan traces back to it; an older or equal version is a late re-send and ignored.
 */
export const recordDispatchPlanHandler: CommandHandler<RecordDispatchPlan> = {
  validate(command) {
    const { dispatchPlanId, version } = command.data;
    return [
      ...requiredText({ dispatchPlanId }),
      ...(isPositiveInteger(version) ? [] : [`version must be a positive integer, got ${JSON.stringify(version)}`]),
    ];
  },

  isDuplicate(command, state) {
    const plan = state.dispatchPlan;
    return plan !== null && plan.dispatchPlanId === command.data.dispatchPlanId && command.data.version <= plan.version;
  },

  decide(command, state) {
    const { dispatchPlanId, version } = command.data;
    const plan = state.dispatchPlan;
    if (plan && plan.dispatchPlanId !== dispatchPlanId) {
      return conflict(describeCommand(command, state), `the order is planned under ${plan.dispatchPlanId}; re-plan with a newer version of it, not ${dispatchPlanId}`);
    }
    return [eventFor(command, 'DispatchPlanned', { dispatchPlanId, version })];
  },
};

import type { SandboxValidationResult } from '@oms/contracts';
import type { SandboxApi, SandboxVerdict } from '@oms/dispatch-domain';

type ContractSandboxApi = SandboxValidationResult['checks'][number]['api'];

/** The contract's API names (fulfilment's vocabulary) and the dispatch domain's, both ways. */
const TO_DOMAIN: Readonly<Record<ContractSandboxApi, SandboxApi>> = { WAREHOUSE_INVENTORY: 'INVENTORY', CARRIER_WAYBILL: 'CARRIER_WAYBILL', E_WAYBILL: 'E_WAYBILL' };
const TO_CONTRACT: Readonly<Record<SandboxApi, ContractSandboxApi>> = { INVENTORY: 'WAREHOUSE_INVENTORY', CARRIER_WAYBILL: 'CARRIER_WAYBILL', E_WAYBILL: 'E_WAYBILL' };

/** The contract's name of a domain API (what the order log and the lookup show). */
export function contractApiName(api: SandboxApi): ContractSandboxApi {
  return TO_CONTRACT[api];
}

/**
 * The fulfilment side's answer as the fallback decider reads it. `passed` is not trusted on its
 * own: the decider re-derives the outcome from the checks, so an answer saying "passed" with a
 * failed or missing check still falls back.
 */
export function toSandboxVerdict(result: SandboxValidationResult): SandboxVerdict {
  return {
    dispatchPlanId: result.dispatchPlanId,
    version: result.planVersion,
    answers: result.checks.map((check) => ({ api: TO_DOMAIN[check.api], subOrderId: check.subOrderId, ok: check.passed, reason: check.passed ? null : check.detail })),
  };
}

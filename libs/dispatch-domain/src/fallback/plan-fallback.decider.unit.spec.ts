import type { DispatchPlan } from '../planning/dispatch-plan';
import { given } from '../testing/dispatch-spec';
import { FIELD_CATALOG, line, order } from '../testing/dispatch-fixtures';
import { decidePlanIssue } from './plan-fallback.decider';
import type { PlanVersionRecord } from './plan-version';
import { SANDBOX_APIS, type SandboxAnswer, type SandboxApi, type SandboxVerdict } from './sandbox-verdict';

const ORDERS = [order('MERGED-1', 0, [line('l1', 'SKU-GLASSES-OWN'), line('l2', 'SKU-LENS-CLOUD'), line('l3', 'SKU-SERUM-BONDED')])];

/** All three APIs answer OK for every sub-order, except `failing` on `failingIndex`. */
function verdictFor(plan: DispatchPlan, failing?: { api: SandboxApi; index: number; reason: string }): SandboxVerdict {
  const answers: SandboxAnswer[] = plan.subOrders.flatMap(({ subOrderId }, index) => SANDBOX_APIS.map((api) => {
    const fails = failing?.api === api && failing.index === index;
    return { api, subOrderId, ok: !fails, reason: fails ? failing.reason : null };
  }));
  return { dispatchPlanId: plan.dispatchPlanId, version: plan.version, answers };
}

/** Version 1, issued. */
const v1 = given(FIELD_CATALOG).when(ORDERS).thenProposed();
const issuedV1: PlanVersionRecord = { dispatchPlanId: v1.dispatchPlanId, version: 1, status: 'ISSUED', plan: v1, sandbox: verdictFor(v1), failures: [] };
/** Version 2, proposed on top of it (re-planning after an address change, say). */
const v2 = given(FIELD_CATALOG, [issuedV1]).when(ORDERS).thenProposed();

describe('decidePlanIssue — sandbox validation and fallback', () => {
  it('issues a proposal every sub-order of which passed all three APIs', () => {
    const decision = decidePlanIssue({ proposal: v2, verdict: verdictFor(v2), history: [issuedV1] });
    expect(decision).toEqual({ outcome: 'ISSUE', issued: { dispatchPlanId: v1.dispatchPlanId, version: 2, status: 'ISSUED', plan: v2, sandbox: verdictFor(v2), failures: [] } });
  });

  it.each([
    ['INVENTORY' as const, 0, 'WH-OWN-HZ: SKU-GLASSES-OWN available 0 < 1'],
    ['CARRIER_WAYBILL' as const, 1, 'SF: address out of delivery range'],
    ['E_WAYBILL' as const, 2, 'e-waybill quota exhausted (code 1012)'],
  ])('a %s failure falls back to the previous version, with the reason', (api, index, reason) => {
    const decision = decidePlanIssue({ proposal: v2, verdict: verdictFor(v2, { api, index, reason }), history: [issuedV1] });
    const failures = [{ api, subOrderId: v2.subOrders[index].subOrderId, reason }];
    expect(decision).toEqual({
      outcome: 'FALL_BACK', current: issuedV1, failures,
      rejected: { dispatchPlanId: v2.dispatchPlanId, version: 2, status: 'REJECTED', plan: v2, sandbox: verdictFor(v2, { api, index, reason }), failures },
    });
  });

  it('with no previous version, a failure raises a SANDBOX_VALIDATION_FAILED review item', () => {
    const decision = decidePlanIssue({ proposal: v1, verdict: verdictFor(v1, { api: 'E_WAYBILL', index: 0, reason: 'quota exhausted' }), history: [] });
    expect(decision.outcome).toBe('REVIEW');
    expect(decision.outcome === 'REVIEW' && decision.reviewItem).toEqual({
      kind: 'SANDBOX_VALIDATION_FAILED', dispatchPlanId: v1.dispatchPlanId, version: 1, orderIds: ['MERGED-1'],
      failures: [{ api: 'E_WAYBILL', subOrderId: v1.subOrders[0].subOrderId, reason: 'quota exhausted' }],
      detail: `plan ${v1.dispatchPlanId} v1 failed sandbox validation and has no issued version to fall back to: ${v1.subOrders[0].subOrderId} E_WAYBILL: quota exhausted`,
    });
  });

  it('falls back past rejected versions to the latest ISSUED one', () => {
    const rejectedV2: PlanVersionRecord = { ...issuedV1, version: 2, status: 'REJECTED', plan: v2 };
    const v3 = given(FIELD_CATALOG, [issuedV1, rejectedV2]).when(ORDERS).thenProposed();
    expect(v3.version).toBe(3);
    const decision = decidePlanIssue({ proposal: v3, verdict: verdictFor(v3, { api: 'INVENTORY', index: 0, reason: 'no stock' }), history: [rejectedV2, issuedV1] });
    expect(decision.outcome === 'FALL_BACK' && decision.current.version).toBe(1);
  });

  it('a sub-order not dry-run against an API has not passed', () => {
    const verdict = verdictFor(v2);
    const missing = { ...verdict, answers: verdict.answers.filter((a) => !(a.api === 'CARRIER_WAYBILL' && a.subOrderId === v2.subOrders[1].subOrderId)) };
    const decision = decidePlanIssue({ proposal: v2, verdict: missing, history: [issuedV1] });
    expect(decision).toMatchObject({ outcome: 'FALL_BACK', failures: [{ api: 'CARRIER_WAYBILL', subOrderId: v2.subOrders[1].subOrderId, reason: 'no CARRIER_WAYBILL answer' }] });
  });

  it('a verdict for another version, or for an unknown sub-order, does not pass', () => {
    const stale = decidePlanIssue({ proposal: v2, verdict: verdictFor(v1), history: [issuedV1] });
    expect(stale).toMatchObject({ outcome: 'FALL_BACK', failures: [{ api: null, subOrderId: null, reason: `the verdict is for ${v1.dispatchPlanId} v1, not ${v2.dispatchPlanId} v2` }] });
    const verdict = verdictFor(v2);
    const extra = { ...verdict, answers: [...verdict.answers, { api: 'INVENTORY' as const, subOrderId: 'ghost', ok: true, reason: null }] };
    expect(decidePlanIssue({ proposal: v2, verdict: extra, history: [issuedV1] })).toMatchObject({ outcome: 'FALL_BACK', failures: [{ subOrderId: 'ghost' }] });
  });
});

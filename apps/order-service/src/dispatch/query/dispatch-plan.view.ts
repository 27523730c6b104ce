import type { DecodedRecord, DispatchPlanned, DispatchProposalRejected, DispatchProposed, DispatchScanRecorded, ReviewItemRaised } from '@oms/contracts';
import { compareCodeUnits } from '@oms/dispatch-domain';

/** One version of a plan as the lookup shows it: what was proposed, why, and what the sandbox said. */
export interface PlanVersionView {
  version: number;
  status: 'PROPOSED' | 'ISSUED' | 'REJECTED';
  previousPlanVersion: number | null;
  proposedAt: string;
  decidedAt: string | null;
  orderIds: string[];
  subOrders: DispatchProposed['subOrders'];
  /** The decision inputs: catalog version, vectors, grouping with every pair's similarity scores, rules. */
  why: unknown;
  /** The sandbox answer: every check (passed or not) and, when rejected, the failures and the version kept. */
  sandbox: { passed: boolean; answer: unknown; failures: DispatchProposalRejected['failures']; fallbackPlanVersion: number | null } | null;
}

/** A recorded scan, once (a scan of a sub-order of several orders is recorded on each of them). */
export type ScanView = Omit<DispatchScanRecorded, 'orderId' | 'occurredAt' | 'occurredAtText'> & { orderIds: string[]; recordedAt: string };

/** `GET /dispatch-plans/{id}`: the plan rebuilt from its orders' logs. */
export interface DispatchPlanView {
  dispatchPlanId: string;
  orderIds: string[];
  /** The version in force (latest issued), or null. */
  currentVersion: number | null;
  versions: PlanVersionView[];
  /** Every scan in scan-time order. */
  scans: ScanView[];
  reviewItems: Array<Pick<ReviewItemRaised, 'orderId' | 'reviewItemId' | 'cause' | 'detailedCause' | 'detail' | 'occurredAtText'>>;
}

/**
 * Rebuilds a plan's view from the decoded records of its orders' streams (any order of streams,
 * stream order within each). Every order of a plan carries the same proposal and answer; the
 * first seen is shown, with the orders that carry it.
 */
export function buildDispatchPlanView(dispatchPlanId: string, streams: ReadonlyMap<string, readonly DecodedRecord[]>): DispatchPlanView {
  const versions = new Map<number, PlanVersionView>();
  const scans = new Map<string, ScanView>();
  const reviewItems: DispatchPlanView['reviewItems'] = [];
  for (const [orderId, records] of [...streams.entries()].sort(([a], [b]) => compareCodeUnits(a, b))) {
    for (const record of records) {
      const value = record.value as { dispatchPlanId?: string; subjectRef?: string | null };
      if (value.dispatchPlanId !== dispatchPlanId && !value.subjectRef?.startsWith(`${dispatchPlanId}:`)) continue;
      switch (record.recordName) {
        case 'DispatchProposed': proposed(versions, record.value as DispatchProposed); break;
        case 'DispatchProposalRejected': rejected(versions, record.value as DispatchProposalRejected); break;
        case 'DispatchPlanned': issued(versions, record.value as DispatchPlanned); break;
        case 'DispatchScanRecorded': scanned(scans, record.value as DispatchScanRecorded, orderId); break;
        case 'ReviewItemRaised': {
          const { reviewItemId, cause, detailedCause, detail, occurredAtText } = record.value as ReviewItemRaised;
          reviewItems.push({ orderId, reviewItemId, cause, detailedCause, detail, occurredAtText });
          break;
        }
        default:
      }
    }
  }
  const ordered = [...versions.values()].sort((a, b) => a.version - b.version);
  return {
    dispatchPlanId,
    orderIds: [...streams.keys()].sort(compareCodeUnits),
    currentVersion: ordered.filter((version) => version.status === 'ISSUED').at(-1)?.version ?? null,
    versions: ordered,
    scans: [...scans.values()].sort((a, b) => a.scannedAt - b.scannedAt || compareCodeUnits(a.scanId, b.scanId)),
    reviewItems,
  };
}

function proposed(versions: Map<number, PlanVersionView>, value: DispatchProposed): void {
  if (versions.has(value.planVersion)) return;
  versions.set(value.planVersion, {
    version: value.planVersion, status: 'PROPOSED', previousPlanVersion: value.previousPlanVersion, proposedAt: value.occurredAtText, decidedAt: null,
    orderIds: [value.orderId, ...value.relatedOrderIds].sort(compareCodeUnits), subOrders: value.subOrders, why: JSON.parse(value.decisionInputs), sandbox: null,
  });
}

function rejected(versions: Map<number, PlanVersionView>, value: DispatchProposalRejected): void {
  const version = versions.get(value.planVersion);
  if (!version || version.status !== 'PROPOSED') return;
  Object.assign(version, {
    status: 'REJECTED', decidedAt: value.occurredAtText,
    sandbox: { passed: false, answer: JSON.parse(value.sandboxAnswer), failures: value.failures, fallbackPlanVersion: value.fallbackPlanVersion },
  });
}

function issued(versions: Map<number, PlanVersionView>, value: DispatchPlanned): void {
  const version = versions.get(value.planVersion);
  if (!version || version.status !== 'PROPOSED') return;
  const inputs = JSON.parse(value.decisionInputs) as { sandboxValidation?: unknown };
  Object.assign(version, { status: 'ISSUED', decidedAt: value.occurredAtText, sandbox: { passed: true, answer: inputs.sandboxValidation ?? null, failures: [], fallbackPlanVersion: null } });
}

function scanned(scans: Map<string, ScanView>, value: DispatchScanRecorded, orderId: string): void {
  const known = scans.get(value.scanId);
  if (known) {
    known.orderIds.push(orderId);
    return;
  }
  const { orderId: _orderId, occurredAt: _occurredAt, occurredAtText, ...scan } = value;
  scans.set(value.scanId, { ...scan, orderIds: [orderId], recordedAt: occurredAtText });
}

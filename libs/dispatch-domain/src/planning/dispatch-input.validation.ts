import type { PlanVersionRef } from '../fallback/plan-version';
import type { DispatchInput, PlanningOrder } from './dispatch-input';

/**
 * What is malformed in a dispatch input; empty when planning may proceed. These are bugs upstream
 * (the order decider already validated the lines), so they reject the input instead of raising a
 * review item. Every problem is named, with its place.
 */
export function dispatchInputProblems(input: DispatchInput): string[] {
  const problems: string[] = [];
  if (!isText(input.orderId)) problems.push('orderId is required');
  if (!isText(input.planIdSeed)) problems.push('planIdSeed is required');
  if (!isEpochMs(input.decidedAt)) problems.push(`decidedAt must be epoch milliseconds, got ${JSON.stringify(input.decidedAt)}`);
  if (!Array.isArray(input.orders) || input.orders.length === 0) return [...problems, 'orders must hold at least the anchor order'];
  const ids = input.orders.map((order) => order.orderId);
  if (!ids.includes(input.orderId)) problems.push(`the anchor order ${input.orderId} is not among the orders`);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) problems.push(`orders[${index}]: order ${id} is listed twice`);
  });
  input.orders.forEach((order, index) => problems.push(...orderProblems(order, `orders[${index}]`)));
  return [...problems, ...historyProblems(input.history ?? [])];
}

function orderProblems(order: PlanningOrder, at: string): string[] {
  const problems: string[] = [];
  if (!isText(order.orderId)) problems.push(`${at}.orderId is required`);
  if (!isText(order.customerId)) problems.push(`${at}.customerId is required`);
  if (!isEpochMs(order.placedAt)) problems.push(`${at}.placedAt must be epoch milliseconds`);
  if (!isEpochMs(order.paidAt)) problems.push(`${at}.paidAt must be epoch milliseconds`);
  if (typeof order.recipientPhone !== 'string') problems.push(`${at}.recipientPhone must be text`);
  if (order.invoiceTitle !== null && typeof order.invoiceTitle !== 'string') problems.push(`${at}.invoiceTitle must be text or null`);
  const address = order.shippingAddress;
  const addressFields = ['province', 'city', 'district', 'detail'] as const;
  if (typeof address !== 'object' || address === null || addressFields.some((field) => typeof address[field] !== 'string')) {
    problems.push(`${at}.shippingAddress needs province, city, district and detail texts`);
  }
  if (!Array.isArray(order.lines) || order.lines.length === 0) return [...problems, `${at}.lines must hold at least one line`];
  const lineIds = new Set<string>();
  order.lines.forEach((line, index) => {
    const where = `${at}.lines[${index}]`;
    if (!isText(line.lineId)) problems.push(`${where}.lineId is required`);
    else if (lineIds.has(line.lineId)) problems.push(`${where}.lineId ${line.lineId} is repeated`);
    lineIds.add(line.lineId);
    if (!isText(line.sku)) problems.push(`${where}.sku is required`);
    if (!(Number.isSafeInteger(line.quantity) && line.quantity > 0)) problems.push(`${where}.quantity must be a positive integer, got ${JSON.stringify(line.quantity)}`);
  });
  return problems;
}

function historyProblems(history: readonly PlanVersionRef[]): string[] {
  const problems: string[] = [];
  const planIds = new Set(history.map((record) => record.dispatchPlanId));
  if (planIds.size > 1) problems.push(`history mixes plans ${[...planIds].join(', ')}`);
  history.forEach((record, index) => {
    if (!(Number.isSafeInteger(record.version) && record.version > 0)) problems.push(`history[${index}].version must be a positive integer`);
    if (history.findIndex((other) => other.version === record.version) !== index) problems.push(`history[${index}]: version ${record.version} is listed twice`);
  });
  return problems;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isEpochMs(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

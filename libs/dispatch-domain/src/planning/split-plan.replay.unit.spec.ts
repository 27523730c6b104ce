import { applyCatalogChange } from '../catalog/catalog-change';
import { canonicalJson } from '../determinism/canonical-json';
import { given } from '../testing/dispatch-spec';
import { ADDRESS, FIELD_CATALOG, T0, entry, line, order } from '../testing/dispatch-fixtures';
import { toDispatchPlannedRecord } from './dispatch-planned.record';

const ORDERS = [
  order('DY-1', 0, [line('l1', 'SKU-GLASSES-OWN', 2)]),
  order('DY-2', 4, [line('l1', 'SKU-LENS-CLOUD'), line('l2', 'SKU-SERUM-BONDED')], { recipientPhone: '138****8000' }),
  order('DY-3', 70, [line('l1', 'SKU-CASE-OWN')]),
];

describe('replay: the recorded plan is re-derived from the log and the recorded catalog version', () => {
  const live = given(FIELD_CATALOG).when(ORDERS, { orderId: 'DY-2' }).thenProposed();
  const published = toDispatchPlannedRecord(live, { orderId: 'DY-2', occurredAt: T0, occurredAtText: '2026-01-20T14:22:03.000+08:00', sandboxValidated: true });

  it('planning again from the same orders (in any sequence) and catalog version gives the published plan', () => {
    const replayed = given(FIELD_CATALOG).when([...ORDERS].reverse(), { orderId: 'DY-2' }).thenProposed();
    expect(replayed).toEqual(live);
    expect(canonicalJson(replayed.decisionInputs)).toBe(published.decisionInputs);
    expect(JSON.parse(published.decisionInputs)).toEqual(JSON.parse(JSON.stringify(live.decisionInputs)));
  });

  it('records why DY-3 was left out: placed 70 minutes after DY-1', () => {
    expect(live.orderIds).toEqual(['DY-1', 'DY-2']);
    const pairs = live.decisionInputs.grouping.pairs.map((pair) => [pair.orderIds.join('~'), pair.related, pair.reasons]);
    expect(pairs).toEqual([
      ['DY-1~DY-2', true, []],
      ['DY-1~DY-3', false, [`placed ${70 * 60_000} ms apart, more than 60 min`]],
      ['DY-2~DY-3', false, [`placed ${66 * 60_000} ms apart, more than 60 min`]],
    ]);
  });

  it('a replay against a changed input shows in the digest: another catalog version or another address', () => {
    const changed = applyCatalogChange(FIELD_CATALOG, { kind: 'UPSERT', entries: [entry('SKU-LENS-CLOUD', 'WH-CLOUD-JX', 48, 300)], changeId: 'same-values', changedBy: 'ops', changedAt: T0, reason: 'no-op edit' });
    if (!changed.ok) throw new Error(changed.problems.join());
    const otherVersion = given(changed.catalog).when(ORDERS, { orderId: 'DY-2' }).thenProposed();
    expect(otherVersion.subOrders).toEqual(live.subOrders);
    expect(otherVersion.decisionInputs.inputDigest).not.toBe(live.decisionInputs.inputDigest);
    const moved = ORDERS.map((o) => (o.orderId === 'DY-3' ? { ...o, shippingAddress: { ...ADDRESS, detail: '文一西路1号' } } : o));
    const otherAddress = given(FIELD_CATALOG).when(moved, { orderId: 'DY-2' }).thenProposed();
    expect(otherAddress.subOrders).toEqual(live.subOrders);
    expect(otherAddress.decisionInputs.inputDigest).not.toBe(live.decisionInputs.inputDigest);
  });
});

import { given } from '../testing/dispatch-spec';
import { FIELD_CATALOG, line, order } from '../testing/dispatch-fixtures';
import { checkParcelWeight } from './parcel-weight';

describe('checkParcelWeight — declared weight ≥ the largest SKU minimum of the sub-order', () => {
  const plan = given(FIELD_CATALOG).when([order('o-1', 0, [line('l1', 'SKU-GLASSES-OWN'), line('l2', 'SKU-CASE-OWN')])]).thenProposed();
  const [own] = plan.subOrders;

  it.each([
    [500, true],
    [501, true],
    [499, false],
  ])('a parcel declared at %i g against a 500 g floor → ok %s', (grams, ok) => {
    expect(own.minPackageWeightGrams).toBe(500);
    expect(checkParcelWeight(own, grams)).toMatchObject({ ok, minimumGrams: 500, declaredGrams: grams });
  });

  it('names the sub-order and both weights when too light, and refuses a non-integer weight', () => {
    expect(checkParcelWeight(own, 200)).toEqual({ ok: false, minimumGrams: 500, declaredGrams: 200, reason: `${own.subOrderId} parcel declared at 200 g, below its minimum of 500 g` });
    expect(checkParcelWeight(own, 600.5)).toMatchObject({ ok: false, reason: expect.stringMatching(/non-negative integer of grams/) });
  });
});

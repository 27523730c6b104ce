import { orderStageOf, stageOfStatus } from './order-stage';

describe('order stage over the plan’s sub-orders', () => {
  it('is partially shipped while one sub-order has not shipped', () => {
    expect(orderStageOf(['SHIPPED', null])).toBe('PARTIALLY_SHIPPED');
  });

  it('is the slowest sub-order’s stage once all shipped', () => {
    expect(orderStageOf(['DELIVERED', 'IN_DELIVERY'])).toBe('IN_DELIVERY');
    expect(orderStageOf(['DELIVERED', 'DELIVERED'])).toBe('DELIVERED');
  });

  it('is nothing before any parcel moved', () => {
    expect(orderStageOf([null, null])).toBeNull();
  });

  it('maps exceptions and returns to no stage', () => {
    expect(stageOfStatus('EXCEPTION')).toBeNull();
    expect(stageOfStatus('PICKED_UP')).toBe('SHIPPED');
    expect(stageOfStatus('OUT_FOR_DELIVERY')).toBe('IN_DELIVERY');
  });
});

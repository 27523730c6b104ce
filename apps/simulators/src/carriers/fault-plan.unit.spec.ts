import { FaultPlan } from './fault-plan';

describe('simulated carrier faults', () => {
  it('fails exactly the next N requests of a target, counting every request', () => {
    const faults = new FaultPlan(() => 1);
    faults.failNext('SF', 2);
    expect([faults.take('SF'), faults.take('ZTO'), faults.take('SF'), faults.take('SF')]).toEqual([true, false, true, false]);
    expect(faults.requests('SF')).toBe(3);
  });

  it('fails occasionally at the configured rate', () => {
    const draws = [0.05, 0.5, 0.09, 0.95];
    const faults = new FaultPlan(() => draws.shift() as number);
    faults.failOccasionally('JD', 0.1);
    expect([faults.take('JD'), faults.take('JD'), faults.take('JD'), faults.take('JD')]).toEqual([true, false, true, false]);
    expect(() => faults.failOccasionally('JD', 1.5)).toThrow(RangeError);
  });
});

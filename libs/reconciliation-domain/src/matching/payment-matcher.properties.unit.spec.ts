import fc from 'fast-check';
import { REVIEW_CAUSES } from '../model/review-item';
import { PLANTED_CAUSE, plantScenario, shuffled, type PlantedCase } from '../testing/planted-scenario';
import { testConfig } from '../testing/reconciliation-builders';
import { placements } from '../testing/result-placements';
import { reconcile } from './payment-matcher';

const kinds = Object.keys(PLANTED_CAUSE) as PlantedCase[];
const cases = fc.array(fc.record({ kind: fc.constantFrom(...kinds), amount: fc.integer({ min: 2, max: 10_000_000 }) }), { maxLength: 40 });
const config = testConfig({ now: Date.parse('2024-06-21T09:00:00+08:00') });

describe('reconcile: invariants over generated scenarios', () => {
  it('the same inputs in any order give the same result', () => {
    fc.assert(
      fc.property(cases, fc.integer(), fc.integer(), (planted, flowSeed, lineSeed) => {
        const { flows, lines } = plantScenario(planted);
        const expected = reconcile(flows, lines, config);
        expect(reconcile(shuffled(flows, flowSeed), shuffled(lines, lineSeed), config)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('every flow and every line is placed exactly once', () => {
    fc.assert(
      fc.property(cases, (planted) => {
        const { flows, lines } = plantScenario(planted);
        const { flows: flowPlaces, lines: linePlaces } = placements(reconcile(flows, lines, config));
        expect(flowPlaces.size).toBe(flows.length);
        expect(linePlaces.size).toBe(lines.length);
        for (const places of [...flowPlaces.values(), ...linePlaces.values()]) expect(places).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds exactly the planted anomalies, by cause', () => {
    fc.assert(
      fc.property(cases, (planted) => {
        const { flows, lines } = plantScenario(planted);
        const found = Object.fromEntries(REVIEW_CAUSES.map((cause) => [cause, 0]));
        for (const item of reconcile(flows, lines, config).reviewItems) found[item.cause]++;
        const expected = Object.fromEntries(REVIEW_CAUSES.map((cause) => [cause, 0]));
        for (const { kind } of planted) if (PLANTED_CAUSE[kind]) expected[PLANTED_CAUSE[kind]]++;
        expect(found).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('conserves money: matched and unmatched bank amounts add up to the statement total', () => {
    fc.assert(
      fc.property(cases, (planted) => {
        const { flows, lines } = plantScenario(planted);
        const result = reconcile(flows, lines, config);
        const matched = result.matches.reduce((sum, group) => sum + group.bankAmount, 0);
        const orphaned = result.reviewItems.filter((item) => item.cause === 'MISSING_PAYMENT').reduce((sum, item) => sum + item.bankLines[0].amount, 0);
        expect(matched + orphaned).toBe(lines.reduce((sum, line) => sum + line.amount, 0));
      }),
      { numRuns: 100 },
    );
  });
});

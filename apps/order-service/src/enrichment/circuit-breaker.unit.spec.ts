import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000 });

  it('opens after the threshold of consecutive failures and refuses calls at once', () => {
    const circuit = breaker();
    circuit.failed(0);
    circuit.failed(1);
    expect(circuit.tryAcquire(2)).toBe(true);
    circuit.failed(2);
    expect(circuit.state(3)).toBe('open');
    expect(circuit.tryAcquire(999)).toBe(false);
  });

  it('a success in between resets the count', () => {
    const circuit = breaker();
    circuit.failed(0);
    circuit.failed(1);
    circuit.succeeded();
    circuit.failed(2);
    circuit.failed(3);
    expect(circuit.state(4)).toBe('closed');
  });

  it('lets one trial call through after the cooldown: success closes, failure re-opens for a new cooldown', () => {
    const circuit = breaker();
    for (const now of [0, 1, 2]) circuit.failed(now);
    expect(circuit.tryAcquire(1_002)).toBe(true);
    expect(circuit.tryAcquire(1_002)).toBe(false); // one trial at a time
    circuit.failed(1_003);
    expect(circuit.state(1_500)).toBe('open');
    expect(circuit.tryAcquire(2_003)).toBe(true);
    circuit.succeeded();
    expect(circuit.state(2_004)).toBe('closed');
  });
});

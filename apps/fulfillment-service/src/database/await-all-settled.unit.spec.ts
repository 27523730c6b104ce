import { awaitAllSettled } from './await-all-settled';

describe('awaitAllSettled', () => {
  it('answers every result in the order the statements were issued', async () => {
    const [locked, written] = await awaitAllSettled<[string, number]>([Promise.resolve('locked'), Promise.resolve(3)]);
    expect([locked, written]).toEqual(['locked', 3]);
  });

  it('throws the first failure only once every statement has settled', async () => {
    let lastSettled = false;
    const slow = new Promise<void>((resolve) => setTimeout(() => ((lastSettled = true), resolve()), 20));
    const aborted = Promise.reject(new Error('current transaction is aborted'));
    await expect(awaitAllSettled([Promise.reject(new Error('deadlock detected')), aborted, slow])).rejects.toThrow('deadlock detected');
    expect(lastSettled).toBe(true);
  });
});

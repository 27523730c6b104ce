import { OffsetCommits } from './offset-commits';

type Topics = Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;

describe('OffsetCommits', () => {
  it('sends the commits asked for while one is in flight in one request, the later offset of a partition winning', async () => {
    const requests: Topics[] = [];
    let release = (): void => undefined;
    const commit = async ({ topics }: { topics: Topics }) => {
      requests.push(topics);
      if (requests.length === 1) await new Promise<void>((resolve) => (release = resolve));
    };
    const offsets = new OffsetCommits();
    const first = offsets.commit({ topic: 'a', partition: 0, offset: '5', commit });
    const waiting = [
      offsets.commit({ topic: 'a', partition: 1, offset: '3', commit }),
      offsets.commit({ topic: 'b', partition: 0, offset: '9', commit }),
      offsets.commit({ topic: 'a', partition: 1, offset: '4', commit }),
    ];
    release();
    await Promise.all([first, ...waiting]);
    expect(requests).toEqual([
      [{ topic: 'a', partitions: [{ partition: 0, offset: '5' }] }],
      [
        { topic: 'a', partitions: [{ partition: 1, offset: '4' }] },
        { topic: 'b', partitions: [{ partition: 0, offset: '9' }] },
      ],
    ]);
  });

  it('rejects every commit of a refused request', async () => {
    const offsets = new OffsetCommits();
    const refused = new Error('ILLEGAL_GENERATION');
    const commit = async () => {
      throw refused;
    };
    await expect(offsets.commit({ topic: 'a', partition: 0, offset: '1', commit })).rejects.toBe(refused);
  });
});

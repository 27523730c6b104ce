import { OPEN_STATE, refusalOf } from './review-state';

describe('review item transitions', () => {
  it('lets anyone claim an open item, and only one operator hold it', () => {
    expect(refusalOf(OPEN_STATE, 'CLAIMED', 'li')).toBeNull();
    expect(refusalOf({ status: 'CLAIMED', actor: 'li' }, 'CLAIMED', 'wang')).toBe('claimed by li');
    expect(refusalOf({ status: 'CLAIMED', actor: 'li' }, 'CLAIMED', 'li')).toBe('already claimed by li');
  });

  it('lets only the claimant release, and resolves from open or by the claimant', () => {
    expect(refusalOf(OPEN_STATE, 'RELEASED', 'li')).toBe('not claimed');
    expect(refusalOf({ status: 'CLAIMED', actor: 'li' }, 'RELEASED', 'wang')).toBe('claimed by li, not wang');
    expect(refusalOf({ status: 'CLAIMED', actor: 'li' }, 'RELEASED', 'li')).toBeNull();
    expect(refusalOf(OPEN_STATE, 'RESOLVED', 'li')).toBeNull();
    expect(refusalOf({ status: 'CLAIMED', actor: 'li' }, 'RESOLVED', 'wang')).toBe('claimed by li, not wang');
  });

  it('refuses every action on a resolved item', () => {
    for (const action of ['CLAIMED', 'RELEASED', 'RESOLVED'] as const) expect(refusalOf({ status: 'RESOLVED', actor: 'li' }, action, 'li')).toBe('already resolved by li');
  });
});

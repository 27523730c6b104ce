import { rebuild } from '../aggregate/order.aggregate';
import { AGENT, CREATOR, STRANGER, SUPERVISOR, WAREHOUSE_MANAGER } from '../testing/order-fixtures';
import { historyTo } from '../testing/order-histories';
import { loadPrivilegedRoles, mayChangeOrder, PRIVILEGED_ROLES } from './order-change-policy';

const order = rebuild(historyTo('pending_payment'));

describe('mayChangeOrder: creator, customer-service supervisor or warehouse manager', () => {
  it.each([
    [CREATOR, true], [SUPERVISOR, true], [WAREHOUSE_MANAGER, true], [STRANGER, false], [AGENT, false],
  ])('%o → %s', (actor, allowed) => {
    expect(mayChangeOrder(actor, order)).toBe(allowed);
  });

  it('reads the roles from data, so operators can change them', () => {
    expect(PRIVILEGED_ROLES).toEqual(['customer_service_supervisor', 'warehouse_manager']);
    expect(mayChangeOrder(AGENT, order, ['customer_service_agent'])).toBe(true);
    expect(mayChangeOrder(SUPERVISOR, order, [])).toBe(false);
  });

  it('refuses a roles file that is not a list of names', () => {
    expect(() => loadPrivilegedRoles({ privilegedRoles: 'warehouse_manager' })).toThrow(/expected \{ "privilegedRoles"/);
    expect(() => loadPrivilegedRoles({ privilegedRoles: [''] })).toThrow();
  });
});

import { say } from '../../messages/catalogue';
import {
  canAddCustomer,
  canAttestMca,
  receivesOnboardingNotifications,
  roleNameKey,
  ROLES,
  roleSchema,
  type Role,
} from '../../services/roles/permissions';

describe('role permissions', () => {
  it.each<[Role[], boolean, boolean, boolean]>([
    [['globalAdmin'], true, false, false],
    [['userManagementAdmin'], true, false, false],
    [['adminAgent'], true, true, false],
    [['salesAgent'], true, true, false],
    [['manager'], false, false, true],
    [['manager', 'salesAgent'], true, true, true],
    [[], false, false, false],
  ])(
    'gives %j: add customer %p, attest MCA %p, onboarding notifications %p',
    (roles, add, attest, notified) => {
      expect(canAddCustomer(roles)).toBe(add);
      expect(canAttestMca(roles)).toBe(attest);
      expect(receivesOnboardingNotifications(roles)).toBe(notified);
    },
  );

  it.each<[Role, string]>([
    ['globalAdmin', 'Global admin'],
    ['userManagementAdmin', 'User management admin'],
    ['adminAgent', 'Admin agent'],
    ['salesAgent', 'Sales agent'],
    ['manager', 'Manager'],
  ])('shows %s as %j', (role, name) => {
    expect(say(roleNameKey(role))).toBe(name);
  });

  it('knows exactly five roles', () => {
    expect(ROLES).toEqual(['globalAdmin', 'userManagementAdmin', 'adminAgent', 'salesAgent', 'manager']);
  });

  it.each(['GlobalAdmin', 'admin', '', 'reseller'])('refuses %j as a role', (role) => {
    expect(roleSchema.safeParse(role).success).toBe(false);
  });
});

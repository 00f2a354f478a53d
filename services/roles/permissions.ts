import { z } from 'zod';
import type { MessageKey } from '../../messages/catalogue';

/** Partner Center roles that matter to adding a customer, plus this product's own manager role. */
export const roleSchema = z.enum([
  'globalAdmin',
  'userManagementAdmin',
  'adminAgent',
  'salesAgent',
  'manager',
]);
export type Role = z.infer<typeof roleSchema>;
export const ROLES: readonly Role[] = roleSchema.options;

export const ROLES_THAT_ADD_CUSTOMERS: readonly Role[] = [
  'globalAdmin',
  'userManagementAdmin',
  'adminAgent',
  'salesAgent',
];
export const ROLES_THAT_ATTEST_MCA: readonly Role[] = ['adminAgent', 'salesAgent'];
export const ROLES_NOTIFIED_OF_ONBOARDING: readonly Role[] = ['manager'];

function hasAny(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

export function canAddCustomer(roles: readonly Role[]): boolean {
  return hasAny(roles, ROLES_THAT_ADD_CUSTOMERS);
}

/** Only an Admin agent or a Sales agent may confirm that the customer accepted the MCA. */
export function canAttestMca(roles: readonly Role[]): boolean {
  return hasAny(roles, ROLES_THAT_ATTEST_MCA);
}

export function receivesOnboardingNotifications(roles: readonly Role[]): boolean {
  return hasAny(roles, ROLES_NOTIFIED_OF_ONBOARDING);
}

const ROLE_NAME_KEYS: Readonly<Record<Role, MessageKey>> = {
  globalAdmin: 'role.globalAdmin',
  userManagementAdmin: 'role.userManagementAdmin',
  adminAgent: 'role.adminAgent',
  salesAgent: 'role.salesAgent',
  manager: 'role.manager',
};

/** The catalogue key of the name a user sees for a role, e.g. "Sales agent". */
export function roleNameKey(role: Role): MessageKey {
  return ROLE_NAME_KEYS[role];
}

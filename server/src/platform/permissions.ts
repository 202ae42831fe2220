import type { AccountRole } from '../db/schema';
import { forbidden } from './errors';

/**
 * The one place that says what each account role may do. Routes call `authorize` with the
 * caller's membership; the profile presents `permissionsFor(role)` so the UI shows only what is
 * allowed. Membership itself (is this caller in this account at all?) is checked before, and a
 * non-member always gets 404.
 */
export const PERMISSIONS = {
  'account.read': ['administrator', 'agent'],
  'account.update': ['administrator'],
  'agents.read': ['administrator', 'agent'],
  'agents.manage': ['administrator'],
  'dev_mailbox.read': ['administrator'],
} as const satisfies Record<string, readonly AccountRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: AccountRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AccountRole[]).includes(role);
}

export function authorize(membership: { role: AccountRole }, permission: Permission): void {
  if (!can(membership.role, permission)) throw forbidden();
}

export function permissionsFor(role: AccountRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

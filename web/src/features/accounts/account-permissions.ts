import type { UserAccount } from '../../lib/api-types';

/** Permission names as the server lists them in `accounts[].permissions` (Chatwoot's names). */
export type Permission = 'administrator' | 'report_manage' | 'campaign_manage' | 'knowledge_base_manage';

export const isAdministrator = (account: UserAccount): boolean =>
  account.role === 'administrator' || (account.permissions ?? []).includes('administrator');

/** Administrators may do everything; other members only what their permissions list grants. */
export const hasPermission = (account: UserAccount, permission: Permission): boolean =>
  isAdministrator(account) || (account.permissions ?? []).includes(permission);

import type { Permission } from '@rockethub/shared';
import type { UserAccount } from '../../lib/api-types';

export type { Permission };

/** What the member may do, as the server lists it in `accounts[].permissions` (see packages/shared). */
export const hasPermission = (account: UserAccount, permission: Permission): boolean =>
  (account.permissions ?? []).includes(permission);

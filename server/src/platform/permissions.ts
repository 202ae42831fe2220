import { type AccountRole, can, type Permission } from '@rockethub/shared';
import { forbidden } from './errors';

export { can, type Permission, permissionsFor } from '@rockethub/shared';

/**
 * Routes call `authorize` with the caller's membership after checking membership itself (anyone
 * outside the account gets 404 before this). The table is in packages/shared, where the
 * dashboard reads it too.
 */
export function authorize(membership: { role: AccountRole }, permission: Permission): void {
  if (!can(membership.role, permission)) throw forbidden();
}

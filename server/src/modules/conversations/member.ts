import type { AccountRole } from '../../db/schema';
import type { MembershipRow } from '../accounts/service';
import type { UserActor } from '../auth/actor';
import { availableName } from '../users/service';

/** The agent acting in an account: who they are, their role, the name activity lines use. */
export type Member = { accountId: number; userId: number; role: AccountRole; name: string };

export function memberOf(actor: UserActor, membership: MembershipRow): Member {
  return { accountId: membership.accountId, userId: actor.user.id, role: membership.role, name: availableName(actor.user) };
}

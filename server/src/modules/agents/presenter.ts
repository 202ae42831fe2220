import type { MemberRow } from '../accounts/service';
import { availableName } from '../users/service';

/** An account member as the contract's `agent`. */
export function presentAgent(member: MemberRow) {
  return {
    id: member.user.id,
    account_id: member.accountId,
    name: member.user.name,
    display_name: member.user.displayName,
    available_name: availableName(member.user),
    email: member.user.email,
    role: member.role,
    confirmed: member.user.confirmedAt !== null,
    availability_status: member.availability,
    auto_offline: member.autoOffline,
    thumbnail: member.user.avatarUrl ?? '',
    custom_role_id: null,
  };
}

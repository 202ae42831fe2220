import type { Availability } from '../../db/schema';
import type { MemberRow } from '../accounts/service';
import { availableName } from '../users/service';

/**
 * An account member as the contract's `agent`. `availability_status` is what others see (online only
 * while connected, see realtime presence); the member's own choice is in their profile.
 */
export function presentAgent(member: MemberRow, availabilityStatus: Availability) {
  return {
    id: member.user.id,
    account_id: member.accountId,
    name: member.user.name,
    display_name: member.user.displayName,
    available_name: availableName(member.user),
    email: member.user.email,
    role: member.role,
    confirmed: member.user.confirmedAt !== null,
    availability_status: availabilityStatus,
    auto_offline: member.autoOffline,
    thumbnail: member.user.avatarUrl ?? '',
    custom_role_id: null,
  };
}

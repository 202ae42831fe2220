import { permissionsFor } from '../../platform/permissions';
import type { MembershipWithAccount } from '../accounts/service';
import { availableName, type UserRow } from '../users/service';
import { thumbnailUrl } from './avatar';

export function presentMembership(m: MembershipWithAccount) {
  return {
    id: m.account.id,
    name: m.account.name,
    status: m.account.status,
    locale: m.account.locale,
    active_at: m.activeAt?.toISOString() ?? null,
    role: m.role,
    permissions: permissionsFor(m.role),
    availability: m.availability,
    availability_status: m.availability,
    auto_offline: m.autoOffline,
    custom_role_id: null,
    custom_role: null,
  };
}

/**
 * The signed-in user as Chatwoot's `user` (profile, sign-in and sign-up responses). `account_id`
 * is the account used last; `role` is the role there.
 */
export function presentUser(user: UserRow, memberships: MembershipWithAccount[], accessToken: string) {
  const current = memberships[0];
  return {
    id: user.id,
    provider: 'email',
    uid: user.email,
    name: user.name,
    display_name: user.displayName,
    available_name: availableName(user),
    email: user.email,
    unconfirmed_email: user.unconfirmedEmail,
    avatar_url: user.avatarUrl ?? '',
    thumbnail: thumbnailUrl(user.avatarUrl),
    confirmed: user.confirmedAt !== null,
    access_token: accessToken,
    pubsub_token: user.pubsubToken,
    account_id: current?.account.id ?? null,
    role: current?.role ?? null,
    availability_status: current?.availability ?? 'offline',
    inviter_id: current?.inviterId ?? null,
    hmac_identifier: '',
    message_signature: user.messageSignature,
    ui_settings: user.uiSettings,
    custom_attributes: user.customAttributes,
    locale: user.locale,
    type: user.type,
    accounts: memberships.map(presentMembership),
  };
}

import type { AccountRow } from './repository';

/** Everything is included: no feature of RocketHub sits behind a plan. */
export const ACCOUNT_FEATURES = [
  'agent_bots',
  'agent_management',
  'auto_resolve_conversations',
  'automations',
  'campaigns',
  'canned_responses',
  'channel_api',
  'channel_email',
  'channel_sms',
  'channel_telegram',
  'channel_website',
  'channel_whatsapp',
  'custom_attributes',
  'help_center',
  'inbox_management',
  'integrations',
  'labels',
  'macros',
  'reports',
  'sla',
  'team_management',
] as const;

/**
 * The account as the contract's `account_detail` (and `account_show_response`).
 * `latest_chatwoot_version` carries RocketHub's own version: clients compare it with what runs.
 */
export function presentAccount(account: AccountRow, version: string) {
  return {
    latest_chatwoot_version: version,
    id: account.id,
    name: account.name,
    locale: account.locale,
    domain: account.domain,
    support_email: account.supportEmail,
    status: account.status,
    created_at: account.createdAt.toISOString(),
    cache_keys: {},
    features: [...ACCOUNT_FEATURES],
    subscribed_features: [],
    settings: {
      auto_resolve_after: account.settings.auto_resolve_after ?? null,
      auto_resolve_message: account.settings.auto_resolve_message ?? null,
      auto_resolve_ignore_waiting: account.settings.auto_resolve_ignore_waiting ?? false,
      auto_resolve_label: account.settings.auto_resolve_label ?? null,
    },
    custom_attributes: account.customAttributes,
  };
}

/** The platform API's short form. */
export function presentPlatformAccount(account: AccountRow) {
  return {
    id: account.id,
    name: account.name,
    locale: account.locale,
    domain: account.domain,
    support_email: account.supportEmail,
    status: account.status,
    custom_attributes: account.customAttributes,
    limits: account.limits,
    created_at: account.createdAt.toISOString(),
  };
}

/** The roles an account member can have. */
export const ACCOUNT_ROLES = ['administrator', 'agent'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * What each role may do in an account: the one table the server enforces and the dashboard reads
 * (the profile lists a member's permissions in `accounts[].permissions`).
 */
export const PERMISSIONS = {
  'account.read': ['administrator', 'agent'],
  'account.update': ['administrator'],
  'agents.read': ['administrator', 'agent'],
  'agents.manage': ['administrator'],
  'dev_mailbox.read': ['administrator'],
  /** Agents see the inboxes they are members of; administrators all of them. */
  'inboxes.read': ['administrator', 'agent'],
  'inboxes.manage': ['administrator'],
  'teams.read': ['administrator', 'agent'],
  'teams.manage': ['administrator'],
  'labels.read': ['administrator', 'agent'],
  'labels.manage': ['administrator'],
  'custom_attributes.read': ['administrator', 'agent'],
  'custom_attributes.manage': ['administrator'],
  /** Saved filters (folders, segments): each member keeps their own. */
  'custom_filters.manage': ['administrator', 'agent'],
  'contacts.import': ['administrator'],
  'contacts.export': ['administrator'],
  'canned_responses.read': ['administrator', 'agent'],
  'canned_responses.manage': ['administrator', 'agent'],
  'contacts.read': ['administrator', 'agent'],
  'contacts.manage': ['administrator', 'agent'],
  'contacts.delete': ['administrator'],
  /** Conversations of the inboxes the member may see (all of them for administrators). */
  'conversations.read': ['administrator', 'agent'],
  'conversations.manage': ['administrator', 'agent'],
  /** Dashboard apps: every member needs them to render the details panel; administrators configure them. */
  'dashboard_apps.read': ['administrator', 'agent'],
  'dashboard_apps.manage': ['administrator'],
  /** Account-wide settings sections (inboxes, teams, labels, automation...). */
  'settings.manage': ['administrator'],
  'reports.read': ['administrator'],
  'campaigns.manage': ['administrator'],
  'help_center.manage': ['administrator'],
  /** One's own notifications and notification settings in the account. */
  'notifications.manage': ['administrator', 'agent'],
} as const satisfies Record<string, readonly AccountRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: AccountRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AccountRole[]).includes(role);
}

export function permissionsFor(role: AccountRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

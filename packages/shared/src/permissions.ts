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
  /** Account-wide settings sections (inboxes, teams, labels, automation...). */
  'settings.manage': ['administrator'],
  'reports.read': ['administrator'],
  'campaigns.manage': ['administrator'],
  'help_center.manage': ['administrator'],
} as const satisfies Record<string, readonly AccountRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: AccountRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly AccountRole[]).includes(role);
}

export function permissionsFor(role: AccountRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

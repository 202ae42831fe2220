/** TanStack Query keys of the settings screens (apart from the workspace's, which they refresh after changes). */
export const settingsKeys = {
  account: (accountId: number) => ['accounts', accountId, 'settings', 'account'] as const,
  teams: (accountId: number) => ['accounts', accountId, 'settings', 'teams'] as const,
  teamMembers: (accountId: number, teamId: number) => ['accounts', accountId, 'settings', 'teams', teamId, 'members'] as const,
  inboxes: (accountId: number) => ['accounts', accountId, 'settings', 'inboxes'] as const,
  inbox: (accountId: number, inboxId: number) => ['accounts', accountId, 'settings', 'inboxes', inboxId] as const,
  inboxMembers: (accountId: number, inboxId: number) => ['accounts', accountId, 'settings', 'inboxes', inboxId, 'members'] as const,
  labels: (accountId: number) => ['accounts', accountId, 'settings', 'labels'] as const,
  customAttributes: (accountId: number) => ['accounts', accountId, 'settings', 'custom-attributes'] as const,
  cannedResponses: (accountId: number, search: string) => ['accounts', accountId, 'settings', 'canned-responses', search] as const,
  allCannedResponses: (accountId: number) => ['accounts', accountId, 'settings', 'canned-responses'] as const,
};

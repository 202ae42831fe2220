export const queryKeys = {
  installation: ['installation'] as const,
  profile: ['profile'] as const,
  agents: (accountId: number) => ['accounts', accountId, 'agents'] as const,
  devMailbox: (accountId: number) => ['accounts', accountId, 'dev-mailbox'] as const,
};

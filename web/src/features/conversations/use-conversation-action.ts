import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCurrentAccount } from '../accounts/current-account';
import { conversationKeys } from './conversation-keys';
import type { Conversation } from './conversation-types';
import { applyConversation } from './live-cache';

/**
 * Runs a change on the open conversation, then reloads it and places it in the lists at once (the
 * live event that follows brings the same state to everyone else).
 */
export function useConversationAction<T>(conversationId: number, run: (accountId: number, id: number, input: T) => Promise<unknown>) {
  const client = useQueryClient();
  const { account, user } = useCurrentAccount();
  return useMutation({
    mutationFn: (input: T) => run(account.id, conversationId, input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: conversationKeys.detail(account.id, conversationId) });
      const fresh = client.getQueryData<Conversation>(conversationKeys.detail(account.id, conversationId));
      if (fresh) applyConversation(client, account.id, user.id, fresh);
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Availability, User } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { useCurrentAccount } from '../accounts/current-account';
import { updateProfile } from './profile-api';

/** The user's availability in the current account, changed optimistically so the menu responds at once. */
export function useAvailability() {
  const queryClient = useQueryClient();
  const { account } = useCurrentAccount();

  const setLocalAvailability = (availability: Availability) =>
    queryClient.setQueryData<User>(queryKeys.profile, (user) =>
      user
        ? {
            ...user,
            accounts: user.accounts.map((membership) =>
              membership.id === account.id ? { ...membership, availability, availability_status: availability } : membership,
            ),
          }
        : user,
    );

  const mutation = useMutation({
    mutationFn: (availability: Availability) =>
      updateProfile({ profile: { availability, account_id: account.id } }),
    onMutate: (availability) => {
      const previous = account.availability_status;
      setLocalAvailability(availability);
      return { previous };
    },
    onError: (_error, _availability, context) => {
      if (context) setLocalAvailability(context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profile }),
  });

  return { availability: account.availability_status, setAvailability: mutation.mutate, error: mutation.error };
}

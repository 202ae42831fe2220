import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isUnauthorized } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const isProfileKey = (key: readonly unknown[]) => key[0] === queryKeys.profile[0];

/**
 * When any dashboard request answers 401, ask the profile endpoint whether the session is gone;
 * if it is, the shell sends the user to sign in. A 401 that only means "wrong current password"
 * therefore never signs anyone out.
 */
export function useRecheckSessionOnUnauthorized() {
  const queryClient = useQueryClient();

  useEffect(() => {
    const recheck = () => void queryClient.invalidateQueries({ queryKey: queryKeys.profile });
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isUnauthorized(event.action.error)) {
        if (!isProfileKey(event.query.queryKey)) recheck();
      }
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isUnauthorized(event.action.error)) recheck();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}

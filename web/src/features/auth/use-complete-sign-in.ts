import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { User } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { landingPath } from './auth-paths';

/** After any successful sign-in (password, SSO link, reset, onboarding): forget the previous session's data and go in. */
export function useCompleteSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (user: User, redirectParam: string | null = null) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.installation[0] });
      queryClient.setQueryData(queryKeys.profile, user);
      void navigate(landingPath(user, redirectParam), { replace: true });
    },
    [queryClient, navigate],
  );
}

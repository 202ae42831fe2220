import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../features/accounts/account-permissions';
import { RequirePermission } from '../features/accounts/require-permission';

/**
 * A route whose page is a chunk of its own, fetched the first time someone goes there: only the
 * sign-in page and the conversations are in what loads before the conversation list renders.
 * With `permission`, the page is behind the same guard as the server's.
 */
export function lazyPage(path: string, load: () => Promise<ComponentType>, permission?: Permission): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        element: permission ? (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ) : (
          <Page />
        ),
      };
    },
  };
}

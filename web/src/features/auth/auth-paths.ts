import type { User } from '../../lib/api-types';

/** Paths inside the router (its basename is `/app`). */
const APP_BASE = '/app';

export const dashboardPath = (accountId: number) => `/accounts/${accountId}/dashboard`;

export function loginPath(returnTo?: string): string {
  return returnTo ? `/login?${new URLSearchParams({ redirect: `${APP_BASE}${returnTo}` })}` : '/login';
}

/**
 * The router path for a `redirect` query value, or null unless it is a same-origin `/app/...` URL
 * (anything else could send a freshly signed-in user to another site).
 */
export function appPathFromRedirect(raw: string | null): string | null {
  if (!raw || !raw.startsWith(`${APP_BASE}/`) || raw.startsWith('//') || raw.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(raw, window.location.origin);
  } catch {
    return null;
  }
  if (url.origin !== window.location.origin || !url.pathname.startsWith(`${APP_BASE}/`)) return null;
  return `${url.pathname.slice(APP_BASE.length)}${url.search}${url.hash}`;
}

/** Where a user lands after signing in: the requested page, else their default account's dashboard. */
export function landingPath(user: User, redirectParam: string | null): string {
  const requested = appPathFromRedirect(redirectParam);
  if (requested) return requested;
  const accountId = user.account_id ?? user.accounts[0]?.id;
  return accountId === undefined ? '/' : dashboardPath(accountId);
}

const CSRF_COOKIE = 'rh_csrf';

/** The server's double-submit CSRF token: a readable cookie echoed back in a header on mutations. */
export function readCsrfToken(): string | null {
  for (const pair of document.cookie.split(';')) {
    const [rawName, ...rest] = pair.split('=');
    if (rawName?.trim() === CSRF_COOKIE) return decodeURIComponent(rest.join('=').trim());
  }
  return null;
}

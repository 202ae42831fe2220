// Talking to the running RocketHub directly: setup a journey needs but does not test, the dev
// mailbox, and restarting the server.
import { inject } from 'vitest';
import './provided-context';
import { OWNER } from './people';

export const baseUrl = () => inject('baseUrl');

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

type RequestOptions = { token?: string; body?: unknown };

export async function apiRequest<T>(method: string, path: string, { token, body }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.api_access_token = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new HttpError(response.status, parsed, `${method} ${path}`);
  return parsed as T;
}

export type SignedInUser = { id: number; email: string; name: string; access_token: string; account_id: number | null; accounts: { id: number; name: string; role: string }[] };

export async function signInByApi(email: string, password: string): Promise<SignedInUser> {
  const { data } = await apiRequest<{ data: SignedInUser }>('POST', '/auth/sign_in', { body: { email, password } });
  return data;
}

export type Installation = { needs_onboarding: boolean; dev_mailbox: boolean };

export const installation = () => apiRequest<Installation>('GET', '/api/v1/installation');

/**
 * Journeys after onboarding need its account. Run alone (e.g. `npx vitest run language`), a
 * journey creates it the way a script would (README: "Scripting an installation").
 */
export async function ensureOwnerAccount(): Promise<void> {
  if (!(await installation()).needs_onboarding) return;
  await apiRequest('POST', '/api/v1/accounts', {
    body: { account_name: OWNER.accountName, user_full_name: OWNER.name, email: OWNER.email, password: OWNER.password, locale: 'pt_BR' },
  });
}

export type Mail = { id: number; to: string; from: string; subject: string; text: string; html: string | null; created_at: string };

/** `GET /api/v1/accounts/:id/dev_mailbox`: the mail the server kept instead of sending (no SMTP_URL). */
export async function readDevMailbox(accountId: number, token: string): Promise<Mail[]> {
  const mailbox = await apiRequest<{ enabled: boolean; payload: Mail[] }>('GET', `/api/v1/accounts/${accountId}/dev_mailbox`, { token });
  if (!mailbox.enabled) throw new Error('the dev mailbox is off, yet the suite runs RocketHub without SMTP_URL');
  return mailbox.payload;
}

/** Mail is queued in the request's transaction and delivered by the worker: wait for it to land. */
export async function waitForMail(
  accountId: number,
  token: string,
  match: (mail: Mail) => boolean,
  timeout = 30_000,
): Promise<Mail> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await readDevMailbox(accountId, token)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail in the dev mailbox of account ${accountId} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link into this installation in a mail's text. */
export function linkIn(mail: Pick<Mail, 'text'>): string {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in the mail:\n${mail.text}`);
  return match[0];
}

/** Stops RocketHub with SIGTERM and starts it again on the same data directory and port. */
export async function restartServer(): Promise<void> {
  const response = await fetch(`${inject('controlUrl')}/restart`, { method: 'POST', signal: AbortSignal.timeout(180_000) });
  if (!response.ok) throw new Error(`restarting RocketHub failed: ${await response.text()}`);
}

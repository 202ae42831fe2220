import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../src/context';
import { type AccountRole, conversations as conversationRows } from '../src/db/schema';
import * as accounts from '../src/modules/accounts/service';
import * as auth from '../src/modules/auth/service';
import * as contactService from '../src/modules/contacts/service';
import * as inboxService from '../src/modules/inboxes/service';
import { createPlatformApp } from '../src/modules/platform-api/service';
import * as users from '../src/modules/users/service';
import type { TestApp } from './harness';

export const PASSWORD = 'Correct-horse-9';

const unique = () => randomBytes(4).toString('hex');

export type BuiltUser = { id: number; email: string; name: string; token: string };

/** A user with a password and an API token, optionally a member of an account. */
export async function buildUser(
  ctx: AppContext,
  options: { accountId?: number; role?: AccountRole; name?: string; email?: string; password?: string | null } = {},
): Promise<BuiltUser> {
  const name = options.name ?? `User ${unique()}`;
  const email = options.email ?? `user-${unique()}@example.test`;
  const passwordHash = options.password === null ? null : await users.hashNewPassword(options.password ?? PASSWORD);
  const user = await ctx.transaction(async (tx) => {
    const created = await users.createUser(tx, { name, email, passwordHash, confirmed: passwordHash !== null });
    if (options.accountId !== undefined) {
      await accounts.addMember(tx, { accountId: options.accountId, userId: created.id, role: options.role ?? 'agent' });
    }
    return created;
  });
  const token = await auth.ensureAccessToken(ctx.db, 'user', user.id);
  return { id: user.id, email, name, token };
}

export type BuiltAccount = { id: number; name: string; admin: BuiltUser; agent: BuiltUser };

/** An account with one administrator and one agent: each test works in its own. */
export async function buildAccount(ctx: AppContext, name = `Account ${unique()}`): Promise<BuiltAccount> {
  const account = await ctx.transaction((tx) => accounts.createAccount(tx, { name }));
  const admin = await buildUser(ctx, { accountId: account.id, role: 'administrator', name: `Admin ${unique()}` });
  const agent = await buildUser(ctx, { accountId: account.id, role: 'agent', name: `Agent ${unique()}` });
  return { id: account.id, name, admin, agent };
}

export async function buildPlatformApp(ctx: AppContext, name = `Platform ${unique()}`) {
  return createPlatformApp(ctx, name);
}

/**
 * Signs in through the API; returns the cookie header and CSRF token a browser would hold.
 * `remoteAddress` signs in from another client address (sign-in is rate limited per address).
 */
export async function signIn(t: TestApp, email: string, password = PASSWORD, options: { remoteAddress?: string } = {}) {
  const response = await t.request({
    method: 'POST',
    url: '/auth/sign_in',
    payload: { email, password },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  if (response.statusCode !== 200) throw new Error(`sign in failed: ${response.statusCode} ${response.body}`);
  const cookies = response.cookies;
  const session = cookies.find((c) => c.name === 'rh_session')?.value;
  const csrf = cookies.find((c) => c.name === 'rh_csrf')?.value;
  if (!session || !csrf) throw new Error('sign in set no cookies');
  return { cookie: `rh_session=${session}; rh_csrf=${csrf}`, csrf, user: response.json().data };
}

export type BuiltInbox = Awaited<ReturnType<typeof inboxService.createInbox>>;

/** A website (default) or API inbox of an account, through the inboxes service; `memberIds` become its agents. */
export async function buildInbox(
  ctx: AppContext,
  accountId: number,
  options: { kind?: 'web_widget' | 'api'; name?: string; webhookUrl?: string; memberIds?: number[] } = {},
): Promise<BuiltInbox> {
  const kind = options.kind ?? 'web_widget';
  const inbox = await inboxService.createInbox(ctx, {
    accountId,
    name: options.name ?? `Inbox ${unique()}`,
    channel:
      kind === 'web_widget'
        ? { type: kind, website_url: 'https://www.example.test' }
        : { type: kind, ...(options.webhookUrl ? { webhook_url: options.webhookUrl } : {}) },
  });
  if (options.memberIds?.length) await inboxService.changeInboxMembers(ctx, accountId, inbox.id, 'add', options.memberIds);
  return inbox;
}

export type BuiltContact = Awaited<ReturnType<typeof contactService.createContact>>['contact'];

/** A contact of an account, through the contacts service (an email makes it show in lists and searches). */
export async function buildContact(ctx: AppContext, accountId: number, input: contactService.ContactInput = {}): Promise<BuiltContact> {
  const created = await contactService.createContact(ctx, { accountId, userId: 0, role: 'administrator' }, {
    name: `Contact ${unique()}`,
    email: `contact-${unique()}@example.test`,
    ...input,
  });
  return created.contact;
}

/** A conversation row of a contact, written straight to the table (for modules that only read conversations). */
export async function buildConversationRow(
  ctx: AppContext,
  input: { accountId: number; inboxId: number; contactId: number; status?: 'open' | 'resolved' | 'pending' | 'snoozed'; lastActivityAt?: Date },
) {
  const [row] = await ctx.db
    .insert(conversationRows)
    .values({
      accountId: input.accountId,
      inboxId: input.inboxId,
      contactId: input.contactId,
      status: input.status ?? 'open',
      displayId: sql`(SELECT coalesce(max(display_id), 0) + 1 FROM conversations WHERE account_id = ${input.accountId})`,
      ...(input.lastActivityAt ? { lastActivityAt: input.lastActivityAt } : {}),
    })
    .returning();
  if (!row) throw new Error('conversation insert returned no row');
  return row;
}

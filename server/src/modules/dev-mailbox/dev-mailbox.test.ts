import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount } from '../../../test/builders';
import { BAD_IDS, clientAddress, expectError, expectNoLeak, mailsTo, settleDeliveries, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { users } from '../../db/schema';

type Mail = { id: number; to: string; subject: string; text: string };

describe('dev mailbox API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const listUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/dev_mailbox`;
  const mailUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/dev_mailbox/${id}`;

  /** Invites someone to the account; returns the invitation mail as stored. */
  async function inviteMail(a: BuiltAccount) {
    const email = `invitee-${unique()}@example.test`;
    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${a.id}/agents`, token: a.admin.token, payload: { name: 'Invitee', email, role: 'agent' } });
    expect(res.statusCode).toBe(200);
    await settleDeliveries(t);
    const [mail] = await mailsTo(t, email);
    if (!mail) throw new Error('no invitation mail');
    return mail;
  }

  /** Asks for a password reset of `email`; returns the installation mail as stored. */
  async function resetMail(email: string) {
    await t.request({ method: 'POST', url: '/auth/password', payload: { email }, remoteAddress: clientAddress() });
    await settleDeliveries(t);
    const mail = (await mailsTo(t, email)).at(-1);
    if (!mail) throw new Error('no reset mail');
    return mail;
  }

  async function makeInstallationOwner(userId: number) {
    await t.ctx.db.update(users).set({ type: 'SuperAdmin' }).where(eq(users.id, userId));
  }

  it("shows an administrator the account's mail, newest first, in the documented shape", async () => {
    const a = await buildAccount(t.ctx);
    const first = await inviteMail(a);
    const second = await inviteMail(a);
    const res = await t.request({ method: 'GET', url: listUrl(a.id), token: a.admin.token });
    expect(res.statusCode).toBe(200);
    expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/dev_mailbox', res);
    expect(res.json().enabled).toBe(true);
    expect((res.json().payload as Mail[]).map((m) => m.id)).toEqual([second.id, first.id]);

    const one = await t.request({ method: 'GET', url: mailUrl(a.id, first.id), token: a.admin.token });
    expect(one.statusCode).toBe(200);
    expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/dev_mailbox/{id}', one);
    expect(one.json()).toMatchObject({ id: first.id, to: first.to, subject: first.subject, text: first.text });
  });

  it('answers 403 to an agent of the account', async () => {
    const a = await buildAccount(t.ctx);
    const mail = await inviteMail(a);
    for (const url of [listUrl(a.id), mailUrl(a.id, mail.id)]) {
      const res = await t.request({ method: 'GET', url, token: a.agent.token });
      expectError(res, 403);
      expectNoLeak(res, [mail.to, mail.subject]);
    }
  });

  it('answers 401 without a token or with a bad one', async () => {
    const a = await buildAccount(t.ctx);
    const mail = await inviteMail(a);
    for (const url of [listUrl(a.id), mailUrl(a.id, mail.id)]) {
      for (const token of [undefined, 'bad-token']) {
        const res = await t.request({ method: 'GET', url, token });
        expectError(res, 401);
        expectNoLeak(res, [mail.to]);
      }
    }
  });

  it('answers 404 to an administrator of another account, without the mail', async () => {
    const a = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const mail = await inviteMail(a);
    for (const url of [listUrl(a.id), mailUrl(a.id, mail.id)]) {
      const res = await t.request({ method: 'GET', url, token: other.admin.token });
      expectError(res, 404);
      expectNoLeak(res, [mail.to, mail.subject, a.name]);
    }
  });

  it("never shows an administrator another account's mail through their own account", async () => {
    const a = await buildAccount(t.ctx);
    const b = await buildAccount(t.ctx);
    const own = await inviteMail(a);
    const foreign = await inviteMail(b);
    const list = await t.request({ method: 'GET', url: listUrl(a.id), token: a.admin.token });
    expect((list.json().payload as Mail[]).map((m) => m.id)).toEqual([own.id]);
    expectNoLeak(list, [foreign.to, b.name]);
    const res = await t.request({ method: 'GET', url: mailUrl(a.id, foreign.id), token: a.admin.token });
    expectError(res, 404);
    expectNoLeak(res, [foreign.to, b.name]);
  });

  it('shows installation mail (password resets) to the installation owner only', async () => {
    const a = await buildAccount(t.ctx);
    const b = await buildAccount(t.ctx);
    await makeInstallationOwner(a.admin.id);
    const reset = await resetMail(b.agent.email);
    expect(reset.accountId).toBeNull();

    const ownerList = await t.request({ method: 'GET', url: listUrl(a.id), token: a.admin.token });
    expect((ownerList.json().payload as Mail[]).map((m) => m.id)).toContain(reset.id);
    const ownerOne = await t.request({ method: 'GET', url: mailUrl(a.id, reset.id), token: a.admin.token });
    expect(ownerOne.statusCode).toBe(200);
    expect(ownerOne.json().to).toBe(b.agent.email);

    const adminList = await t.request({ method: 'GET', url: listUrl(b.id), token: b.admin.token });
    expect((adminList.json().payload as Mail[]).map((m) => m.id)).not.toContain(reset.id);
    const adminOne = await t.request({ method: 'GET', url: mailUrl(b.id, reset.id), token: b.admin.token });
    expectError(adminOne, 404);
    expectNoLeak(adminOne, [reset.text]);
    expectError(await t.request({ method: 'GET', url: mailUrl(a.id, reset.id), token: a.agent.token }), 403);
  });

  it('rejects ids that cannot exist with 422 and unknown ones with 404', async () => {
    const a = await buildAccount(t.ctx);
    const mail = await inviteMail(a);
    for (const id of BAD_IDS) {
      expectError(await t.request({ method: 'GET', url: listUrl(id), token: a.admin.token }), 422, 'account_id');
      expectError(await t.request({ method: 'GET', url: mailUrl(a.id, id), token: a.admin.token }), 422, 'id');
      expectError(await t.request({ method: 'GET', url: mailUrl(id, mail.id), token: a.admin.token }), 422, 'account_id');
    }
    expectError(await t.request({ method: 'GET', url: mailUrl(a.id, UNKNOWN_ID), token: a.admin.token }), 404);
    expectError(await t.request({ method: 'GET', url: listUrl(UNKNOWN_ID), token: a.admin.token }), 404);
  });
});

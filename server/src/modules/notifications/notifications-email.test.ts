import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildUser, type BuiltAccount, type BuiltUser } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { settleDeliveries } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { startSmtpSink } from '../../../test/smtp-sink';
import { waitFor } from '../../../test/wait';
import { queryRows } from '../../db/client';
import { notifications } from '../../db/schema';
import { EMAIL_JOB } from './service';

/** Notification emails over a real SMTP server: one email per burst in a conversation, in the user's language. */
describe('notification emails', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    // A long delay: the test decides when the batch is due (no timing in assertions).
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'RocketHub <support@rockethub.test>', notificationEmailDelaySeconds: 3600 });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const queuedJobs = async () => {
    const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${EMAIL_JOB} AND state = 'created'`);
    return Number(row?.n ?? 0);
  };
  /** Makes the waiting email jobs due now (as if the delay had passed). */
  const releaseJobs = () => t.ctx.db.execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${EMAIL_JOB} AND state = 'created'`);
  const mailsTo = (email: string) => smtp.received.filter((m) => m.envelope.to.includes(email));
  const pending = async (userId: number) =>
    (await t.ctx.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.emailPending, true)))).length;

  async function setup() {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { channelType: 'api', memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id, { name: 'Carlos Dias' });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    return { account, inbox, contact, displayId: res.json().id as number };
  }
  const url = (account: BuiltAccount, displayId: number, rest: string) => `/api/v1/accounts/${account.id}/conversations/${displayId}${rest}`;
  const chooseEmail = (account: BuiltAccount, user: BuiltUser, flags: string[]) =>
    t.request({ method: 'PATCH', url: `/api/v1/accounts/${account.id}/notification_settings`, token: user.token, payload: { selected_email_flags: flags } });

  it('sends one email for an assignment and a burst of messages, with the conversation’s link', async () => {
    const s = await setup();
    expect((await chooseEmail(s.account, s.account.agent, ['email_conversation_assignment', 'email_assigned_conversation_new_message'])).statusCode).toBe(200);
    await t.request({ method: 'POST', url: url(s.account, s.displayId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    for (const content of ['Olá?', 'Meu pedido 4471 não chegou', 'Alguém aí?']) {
      const res = await t.request({ method: 'POST', url: url(s.account, s.displayId, '/messages'), token: s.account.admin.token, payload: { content, message_type: 'incoming' } });
      expect(res.statusCode, res.body).toBe(200);
    }
    await settleDeliveries(t);
    expect(await pending(s.account.agent.id)).toBe(4);
    expect(await queuedJobs()).toBe(1);
    expect(mailsTo(s.account.agent.email)).toEqual([]);

    await releaseJobs();
    const mail = await waitFor(() => mailsTo(s.account.agent.email)[0]);
    expect(mail.envelope).toEqual({ from: 'support@rockethub.test', to: [s.account.agent.email] });
    expect(mail.parsed.subject).toBe(`4 novas notificações na conversa #${s.displayId}`);
    const link = `http://rockethub.test/app/accounts/${s.account.id}/conversations/${s.displayId}`;
    expect(mail.parsed.text).toContain(link);
    expect(mail.parsed.text).toContain(`A conversa #${s.displayId} foi atribuída a você`);
    expect(mail.parsed.text).toContain('Carlos Dias: Meu pedido 4471 não chegou');
    expect(mail.parsed.html).toContain(`href="${link}"`);
    expect(mail.parsed.html).toContain('Abrir a conversa');
    await settleDeliveries(t);
    expect(await pending(s.account.agent.id)).toBe(0);
    expect(await queuedJobs()).toBe(0);
    expect(mailsTo(s.account.agent.email)).toHaveLength(1);
    // Nobody else was emailed: the administrator chose nothing that happened here.
    expect(mailsTo(s.account.admin.email)).toEqual([]);
  });

  it('writes in English for an English-speaking user, one email per conversation, and skips what was read meanwhile', async () => {
    const s = await setup();
    const english = await buildUser(t.ctx, { accountId: s.account.id, name: 'Emma Stone' });
    await t.request({ method: 'PATCH', url: '/api/v1/profile', token: english.token, payload: { locale: 'en' } });
    const inboxMembers = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/inbox_members`,
      token: s.account.admin.token,
      payload: { inbox_id: s.inbox.id, user_ids: [s.account.agent.id, english.id] },
    });
    expect(inboxMembers.statusCode, inboxMembers.body).toBe(200);
    // Mentioned in a note (mentions are emailed by default).
    await t.request({
      method: 'POST',
      url: url(s.account, s.displayId, '/messages'),
      token: s.account.agent.token,
      payload: { content: `[@Emma](mention://user/${english.id}/Emma) can you check?`, private: true },
    });
    // And assigned a second conversation, whose notification she reads before the email is due.
    const second = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/conversations`,
      token: s.account.admin.token,
      payload: { inbox_id: s.inbox.id, contact_id: s.contact.id },
    });
    await t.request({ method: 'POST', url: url(s.account, second.json().id, '/assignments'), token: s.account.admin.token, payload: { assignee_id: english.id } });
    await settleDeliveries(t);
    const list = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/notifications`, token: english.token });
    const assignment = list.json().data.payload.find((n: { notification_type: string }) => n.notification_type === 'conversation_assignment');
    await t.request({ method: 'PATCH', url: `/api/v1/accounts/${s.account.id}/notifications/${assignment.id}`, token: english.token });

    await releaseJobs();
    const mail = await waitFor(() => mailsTo(english.email)[0]);
    expect(mail.parsed.subject).toBe(`You were mentioned in conversation #${s.displayId}`);
    expect(mail.parsed.text).toContain('Hi Emma Stone,');
    expect(mail.parsed.text).toContain(': @Emma can you check?');
    expect(mail.parsed.html).toContain('Open the conversation');
    await waitFor(async () => (await queuedJobs()) === 0 && (await pending(english.id)) === 0);
    await settleDeliveries(t);
    expect(mailsTo(english.email)).toHaveLength(1);
  });

  it('emails nobody who did not choose the event', async () => {
    const s = await setup();
    expect((await chooseEmail(s.account, s.account.agent, [])).statusCode).toBe(200);
    await t.request({ method: 'POST', url: url(s.account, s.displayId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    await settleDeliveries(t);
    expect(await pending(s.account.agent.id)).toBe(0);
    const list = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/notifications`, token: s.account.agent.token });
    expect(list.json().data.meta.count).toBe(1);
  });
});

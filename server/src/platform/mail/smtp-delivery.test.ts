import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, signIn } from '../../../test/builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type ReceivedMail, startSmtpSink } from '../../../test/smtp-sink';
import { waitFor } from '../../../test/wait';
import { outboxDeliveries } from '../../db/schema';

/** With SMTP_URL set, password resets and invitations go out through a real SMTP server. */
describe('mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'RocketHub <support@rockethub.test>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailTo = (address: string) => waitFor(() => smtp.received.find((m) => m.envelope.to.includes(address)));
  const linkToken = (mail: ReceivedMail) => {
    const match = /reset_password_token=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '');
    if (!match?.[1]) throw new Error(`no link in: ${mail.parsed.text}`);
    return match[1];
  };

  it('sends the password reset link, which sets a new password and signs the user in', async () => {
    const account = await buildAccount(t.ctx);
    const reset = await t.request({ method: 'POST', url: '/auth/password', payload: { email: account.agent.email } });
    expect(reset.statusCode).toBe(200);

    const mail = await mailTo(account.agent.email);
    expect(mail.envelope.from).toBe('support@rockethub.test');
    expect(mail.parsed.subject).toBe('Redefinição de senha do RocketHub');
    expect(mail.parsed.html).toContain('http://rockethub.test/app/auth/password/edit?reset_password_token=');
    const token = linkToken(mail);

    const done = await t.request({
      method: 'PUT',
      url: '/auth/password',
      payload: { reset_password_token: token, password: 'Brand-new-pass-1', password_confirmation: 'Brand-new-pass-1' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.cookies.map((c) => c.name)).toContain('rh_session');
    await expect(signIn(t, account.agent.email, 'Brand-new-pass-1')).resolves.toBeTruthy();

    const reused = await t.request({
      method: 'PUT',
      url: '/auth/password',
      payload: { reset_password_token: token, password: 'Another-pass-2', password_confirmation: 'Another-pass-2' },
    });
    expect(reused.statusCode).toBe(422);
  });

  it('sends an invitation whose link lets the new agent set a password', async () => {
    const account = await buildAccount(t.ctx);
    const invite = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/agents`,
      token: account.admin.token,
      payload: { name: 'Carla Souza', email: 'carla@example.test', role: 'agent' },
    });
    expect(invite.statusCode).toBe(200);

    const mail = await mailTo('carla@example.test');
    expect(mail.parsed.subject).toContain(account.name);
    const token = linkToken(mail);
    const who = await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${token}` });
    expect(who.json()).toEqual({ purpose: 'invitation', email: 'carla@example.test', name: 'Carla Souza' });

    const accepted = await t.request({
      method: 'PUT',
      url: '/auth/password',
      payload: { reset_password_token: token, password: 'Carla-pass-123', password_confirmation: 'Carla-pass-123' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().data).toMatchObject({ email: 'carla@example.test', confirmed: true, account_id: account.id, role: 'agent' });
  });

  it('keeps nothing in the dev mailbox when SMTP is configured', async () => {
    const account = await buildAccount(t.ctx);
    const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}/dev_mailbox`, token: account.admin.token });
    expect(res.json()).toEqual({ enabled: false, payload: [] });
  });
});

/** A message the SMTP server refuses for now is sent again later (the pooled connection notwithstanding). */
describe('mail over SMTP, the server busy at first', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpSink({ refuseFirst: 1 });
    t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'RocketHub <support@rockethub.test>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('retries a refused message through the outbox until the server takes it', async () => {
    const account = await buildAccount(t.ctx);
    const reset = await t.request({ method: 'POST', url: '/auth/password', payload: { email: account.agent.email } });
    expect(reset.statusCode).toBe(200);
    const mail = await waitFor(() => smtp.received.find((m) => m.envelope.to.includes(account.agent.email)), 30_000);
    expect(mail.parsed.text).toContain('reset_password_token=');
    expect(smtp.refused()).toBe(1);
    const deliveries = await waitFor(async () => {
      const rows = await t.ctx.db.select().from(outboxDeliveries).where(eq(outboxDeliveries.handler, 'mail.deliver'));
      return rows.length === 1 && rows[0]!.status === 'delivered' ? rows : undefined;
    });
    expect(deliveries[0]).toMatchObject({ attempts: 2, status: 'delivered' });
    expect(smtp.received).toHaveLength(1);
  }, 60_000);
});

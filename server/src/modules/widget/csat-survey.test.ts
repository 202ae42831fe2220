import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxes, messages } from '../../db/schema';
import { buildAccount, buildInbox } from '../../../test/builders';
import { clientAddress, expectError, mailsTo } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { waitFor } from '../../../test/wait';

describe('public CSAT survey (page and API by conversation uuid)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A website conversation resolved by the agent, its survey sent: the conversation's uuid and the survey's id. */
  async function resolvedWithSurvey() {
    const account = await buildAccount(t.ctx);
    const inbox = await buildInbox(t.ctx, account.id, { memberIds: [account.agent.id], name: 'Loja Exemplo' });
    await t.ctx.db.update(inboxes).set({ csatSurveyEnabled: true }).where(eq(inboxes.id, inbox.id));
    const [row] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, inbox.id));
    const ip = clientAddress();
    const widget = (method: 'GET' | 'POST', path: string, token?: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/widget${path}?website_token=${row!.channelIdentifier}`,
        remoteAddress: ip,
        headers: token ? { 'x-auth-token': token } : {},
        ...(payload ? { payload } : {}),
      });
    const started = await widget('POST', '/conversations', undefined, { contact: { name: 'Ana', email: `ana-${randomUUID()}@example.test` }, message: { content: 'Oi' } });
    expect(started.statusCode, started.body).toBe(200);
    const visitorToken = started.json().widget_auth_token as string;
    const uuid = started.json().uuid as string;
    const displayId = started.json().id as number;
    const agentApi = (method: 'GET' | 'POST', path: string, payload?: object) =>
      t.request({ method, url: `/api/v1/accounts/${account.id}${path}`, token: account.agent.token, ...(payload ? { payload } : {}) });
    await agentApi('POST', `/conversations/${displayId}/toggle_status`, { status: 'resolved' });
    const surveyId = await waitFor(async () => {
      const history = (await widget('GET', '/messages', visitorToken)).json() as { id: number; content_type: string }[];
      return history.find((m) => m.content_type === 'input_csat')?.id;
    }, 20_000);
    return { account, uuid, displayId, surveyId, visitorToken, widget, agentApi, email: started.json().contact.email as string };
  }

  const api = (method: 'GET' | 'PUT', uuid: string, payload?: unknown) =>
    t.app.inject({ method, url: `/public/api/v1/csat_survey/${uuid}`, remoteAddress: clientAddress(), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const answer = (rating: unknown, feedback?: unknown) => ({ message: { submitted_values: { csat_survey_response: { rating, ...(feedback !== undefined ? { feedback_message: feedback } : {}) } } } });

  it('shows the survey and keeps the answer, which the agents and the widget see', async () => {
    const s = await resolvedWithSurvey();
    const shown = await api('GET', s.uuid);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({
      id: s.surveyId,
      conversation_id: s.displayId,
      csat_survey_response: null,
      inbox_name: 'Loja Exemplo',
      inbox_avatar_url: '',
      locale: expect.any(String),
      created_at: expect.any(Number),
      expired: false,
    });
    // Nothing about the contact or the agents.
    expect(shown.body).not.toContain(s.email);

    const rated = await api('PUT', s.uuid, answer(4, 'Bom atendimento'));
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().csat_survey_response).toEqual({ rating: 4, feedback_message: 'Bom atendimento' });
    expect((await api('GET', s.uuid.toUpperCase())).json().csat_survey_response).toEqual({ rating: 4, feedback_message: 'Bom atendimento' });
    // A later answer replaces it.
    expect((await api('PUT', s.uuid, answer(5))).json().csat_survey_response).toEqual({ rating: 5, feedback_message: '' });

    const agentView = (await s.agentApi('GET', `/conversations/${s.displayId}/messages`)).json() as { payload: { id: number; content_attributes: Record<string, unknown> }[] };
    expect(agentView.payload.find((m) => m.id === s.surveyId)?.content_attributes).toMatchObject({ submitted_values: { csat_survey_response: { rating: 5 } } });
    const widgetView = (await s.widget('GET', '/messages', s.visitorToken)).json() as { id: number; content_attributes: Record<string, unknown> }[];
    expect(widgetView.find((m) => m.id === s.surveyId)?.content_attributes).toMatchObject({ submitted_values: { csat_survey_response: { rating: 5 } } });
  });

  it('refuses bad answers (422) and unknown or malformed uuids (404), changing nothing', async () => {
    const s = await resolvedWithSurvey();
    for (const bad of [answer(0), answer(6), answer(3.5), answer('5'), answer(null), answer(4, 42), answer(4, 'x'.repeat(5001)), { message: { submitted_values: 'five' } }]) {
      expectError(await api('PUT', s.uuid, bad), 422);
    }
    expectError(await api('PUT', s.uuid, {}), 422, 'message');
    expectError(await api('PUT', s.uuid), 422);
    expect((await api('GET', s.uuid)).json().csat_survey_response).toBeNull();

    for (const uuid of [randomUUID(), 'not-a-uuid', '1', "' or 1=1 --", 'x'.repeat(100)]) {
      expectError(await api('GET', encodeURIComponent(uuid)), 404);
      expectError(await api('PUT', encodeURIComponent(uuid), answer(5)), 404);
    }
    // Longer than any id: the router refuses it.
    expectError(await api('GET', 'x'.repeat(101)), 400);
  });

  it('has no survey for a conversation that was not sent one', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await buildInbox(t.ctx, account.id);
    const [row] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, inbox.id));
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/v1/widget/conversations?website_token=${row!.channelIdentifier}`,
      remoteAddress: clientAddress(),
      payload: { message: { content: 'Oi' } },
    });
    expectError(await api('GET', started.json().uuid), 404);
    expectError(await api('PUT', started.json().uuid, answer(5)), 404);
  });

  it('takes no answers after 14 days', async () => {
    const s = await resolvedWithSurvey();
    await t.ctx.db
      .update(messages)
      .set({ createdAt: new Date(Date.now() - 15 * 86_400_000) })
      .where(eq(messages.id, s.surveyId));
    expect((await api('GET', s.uuid)).json().expired).toBe(true);
    expectError(await api('PUT', s.uuid, answer(5)), 422, 'message');
    expect((await api('GET', s.uuid)).json().csat_survey_response).toBeNull();
  });

  it('serves the survey page: a form without scripts, the thanks after answering, 404 for unknown links', async () => {
    const s = await resolvedWithSurvey();
    const page = await t.app.inject({ method: 'GET', url: `/survey/responses/${s.uuid}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<form method="post">');
    expect(page.body).toContain('name="rating" value="5"');
    expect(page.body).toContain('Loja Exemplo');
    expect(page.body).not.toContain('<script');

    const bad = await t.app.inject({ method: 'POST', url: `/survey/responses/${s.uuid}`, remoteAddress: clientAddress(), payload: 'rating=9', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<form method="post">');
    expect((await api('GET', s.uuid)).json().csat_survey_response).toBeNull();

    const sent = await t.app.inject({
      method: 'POST',
      url: `/survey/responses/${s.uuid}`,
      remoteAddress: clientAddress(),
      payload: `rating=2&feedback_message=${encodeURIComponent('Demorou <b>muito</b>')}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(sent.statusCode, sent.body).toBe(303);
    expect(sent.headers.location).toBe(`/survey/responses/${s.uuid}`);
    expect((await api('GET', s.uuid)).json().csat_survey_response).toEqual({ rating: 2, feedback_message: 'Demorou <b>muito</b>' });
    const thanks = await t.app.inject({ method: 'GET', url: `/survey/responses/${s.uuid}` });
    expect(thanks.body).not.toContain('<form');
    expect(thanks.body).toContain('href="?change=1"');
    const change = await t.app.inject({ method: 'GET', url: `/survey/responses/${s.uuid}?change=1` });
    expect(change.body).toContain('value="2" checked');
    expect(change.body).toContain('Demorou &#60;b&#62;muito&#60;/b&#62;');

    for (const uuid of [randomUUID(), 'nope']) {
      const missing = await t.app.inject({ method: 'GET', url: `/survey/responses/${uuid}`, headers: { 'accept-language': 'en-US,en;q=0.8' } });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('Survey not found.');
      const posted = await t.app.inject({ method: 'POST', url: `/survey/responses/${uuid}`, remoteAddress: clientAddress(), payload: 'rating=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(posted.statusCode).toBe(404);
    }
  });

  it('links the survey page from the emailed transcript', async () => {
    const s = await resolvedWithSurvey();
    expect((await s.widget('POST', '/conversations/transcript', s.visitorToken, {})).json()).toEqual({ success: true });
    const [mail] = await waitFor(async () => {
      const mails = await mailsTo(t, s.email);
      return mails.length > 0 ? mails : undefined;
    }, 20_000);
    expect(mail!.text).toContain(`/survey/responses/${s.uuid}`);
    expect(mail!.html).toContain(`/survey/responses/${s.uuid}`);
  });
});

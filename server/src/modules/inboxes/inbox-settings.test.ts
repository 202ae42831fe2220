import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxes } from '../../db/schema';
import { buildAccount } from '../../../test/builders';
import { expectError } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

/** The settings an administrator sets on a website inbox from the settings screens (issue 5, must-show 5). */
describe('inbox settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const url = (accountId: number, inboxId?: number) => `/api/v1/accounts/${accountId}/inboxes${inboxId ? `/${inboxId}` : ''}`;
  const PRE_CHAT = {
    pre_chat_message: 'Conte-nos quem você é',
    pre_chat_fields: [
      { name: 'emailAddress', label: 'E-mail', field_type: 'standard', type: 'email', required: true, enabled: true },
      { name: 'plano', label: 'Plano', field_type: 'custom_attribute', type: 'list', required: false, enabled: true, values: ['Ouro', 'Prata'] },
      // Chatwoot's (and the settings screen's) names for custom attribute fields: the attribute's model.
      { name: 'cpf', label: 'CPF', field_type: 'contact_attribute', type: 'text', required: true, enabled: true },
      { name: 'pedido', label: 'Pedido', field_type: 'conversation_attribute', type: 'number', required: false, enabled: false },
    ],
  };

  it('creates a website inbox with welcome texts, reply time, greeting, pre-chat form, allowed domains and HMAC, and shows its snippet', async () => {
    const a = await buildAccount(t.ctx);
    const res = await t.request({
      method: 'POST',
      url: url(a.id),
      token: a.admin.token,
      payload: {
        name: 'Site Aurora',
        greeting_enabled: true,
        greeting_message: 'Olá! Em que podemos ajudar?',
        channel: {
          type: 'web_widget',
          website_url: 'https://aurora.example',
          widget_color: '#FF5500',
          welcome_title: 'Bem-vindo!',
          welcome_tagline: 'Respondemos rápido',
          reply_time: 'in_a_few_hours',
          pre_chat_form_enabled: true,
          pre_chat_form_options: PRE_CHAT,
          allowed_domains: 'aurora.example, *.aurora.example\nLOJA.example',
          hmac_mandatory: true,
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const inbox = res.json();
    expect(inbox).toMatchObject({
      name: 'Site Aurora',
      channel_type: 'Channel::WebWidget',
      greeting_enabled: true,
      greeting_message: 'Olá! Em que podemos ajudar?',
      widget_color: '#FF5500',
      welcome_title: 'Bem-vindo!',
      welcome_tagline: 'Respondemos rápido',
      reply_time: 'in_a_few_hours',
      pre_chat_form_enabled: true,
      pre_chat_form_options: PRE_CHAT,
      allowed_domains: 'aurora.example,*.aurora.example,loja.example',
      hmac_mandatory: true,
    });
    expect(inbox.web_widget_script).toContain(inbox.website_token);
    const shown = await t.request({ method: 'GET', url: url(a.id, inbox.id), token: a.admin.token });
    expect(shown.json()).toMatchObject({ allowed_domains: 'aurora.example,*.aurora.example,loja.example', pre_chat_form_options: PRE_CHAT });
  });

  it('sets business hours per weekday with a time zone and out-of-office message, CSAT, messages after resolved and the single-conversation lock', async () => {
    const a = await buildAccount(t.ctx);
    const created = await t.request({ method: 'POST', url: url(a.id), token: a.admin.token, payload: { name: 'API', channel: { type: 'api' } } });
    const id = created.json().id;
    const res = await t.request({
      method: 'PATCH',
      url: url(a.id, id),
      token: a.admin.token,
      payload: {
        working_hours_enabled: true,
        timezone: 'America/Recife',
        out_of_office_message: 'Voltamos às 8h.',
        working_hours: [
          { day_of_week: 1, open_hour: 8, open_minutes: 0, close_hour: 18, close_minutes: 30 },
          { day_of_week: 6, closed_all_day: true },
          { day_of_week: 0, open_all_day: true },
        ],
        csat_survey_enabled: true,
        allow_messages_after_resolved: false,
        lock_to_single_conversation: true,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json();
    expect(json).toMatchObject({
      working_hours_enabled: true,
      timezone: 'America/Recife',
      out_of_office_message: 'Voltamos às 8h.',
      csat_survey_enabled: true,
      allow_messages_after_resolved: false,
      lock_to_single_conversation: true,
    });
    expect(json.working_hours).toHaveLength(7);
    expect(json.working_hours[1]).toMatchObject({ day_of_week: 1, closed_all_day: false, open_hour: 8, close_hour: 18, close_minutes: 30 });
    expect(json.working_hours[6]).toMatchObject({ day_of_week: 6, closed_all_day: true });
    expect(json.working_hours[0]).toMatchObject({ day_of_week: 0, open_all_day: true });
    // Tuesday kept Chatwoot's default.
    expect(json.working_hours[2]).toMatchObject({ day_of_week: 2, open_hour: 9, close_hour: 17 });
  });

  it('agents get 403, other accounts 404, bad settings 422 naming the field; nothing changes', async () => {
    const a = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const created = await t.request({ method: 'POST', url: url(a.id), token: a.admin.token, payload: { name: 'Site', channel: { type: 'web_widget', website_url: 'https://site.example' } } });
    const id = created.json().id;
    const [before] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, id));
    expectError(await t.request({ method: 'PATCH', url: url(a.id, id), token: a.agent.token, payload: { csat_survey_enabled: true } }), 403);
    expectError(await t.request({ method: 'PATCH', url: url(a.id, id), token: other.admin.token, payload: { csat_survey_enabled: true } }), 404);
    const bad: [Record<string, unknown>, string][] = [
      [{ channel: { allowed_domains: 'não é domínio' } }, 'channel.allowed_domains'],
      [{ channel: { allowed_domains: 'https://site.example/path' } }, 'channel.allowed_domains'],
      [{ channel: { pre_chat_form_options: { pre_chat_fields: [{ label: 'sem nome' }] } } }, 'channel.pre_chat_form_options.pre_chat_fields.0.name'],
      [{ channel: { pre_chat_form_options: { pre_chat_fields: [{ name: 'x', type: 'signature' }] } } }, 'channel.pre_chat_form_options.pre_chat_fields.0.type'],
      [{ channel: { reply_time: 'next_week' } }, 'channel.reply_time'],
      [{ channel: { hmac_mandatory: 'yes' } }, 'channel.hmac_mandatory'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ working_hours: [{ day_of_week: 9 }] }, 'working_hours.0.day_of_week'],
      [{ working_hours: [{ day_of_week: 1, open_hour: 18, close_hour: 8 }] }, 'working_hours.0.close_hour'],
      [{ csat_survey_enabled: 'sim' }, 'csat_survey_enabled'],
      [{ lock_to_single_conversation: 1 }, 'lock_to_single_conversation'],
    ];
    for (const [payload, field] of bad) expectError(await t.request({ method: 'PATCH', url: url(a.id, id), token: a.admin.token, payload }), 422, field);
    const api = await t.request({ method: 'POST', url: url(a.id), token: a.admin.token, payload: { name: 'API', channel: { type: 'api', allowed_domains: 'site.example' } } });
    expectError(api, 422, 'channel.allowed_domains');
    const [after] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, id));
    expect(after).toEqual(before);
  });
});

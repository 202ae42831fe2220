import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxes, inboxMembers } from '../../db/schema';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount, buildInbox } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type Inbox = Record<string, unknown> & { id: number; name: string; channel_type: string };

describe('inboxes API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const inboxesUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/inboxes`;
  const inboxUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/inboxes/${id}`;
  const widgetBody = () => ({ name: `Site ${unique()}`, channel: { type: 'web_widget', website_url: 'https://shop.example.test' } });
  const apiBody = () => ({ name: `API ${unique()}`, channel: { type: 'api', webhook_url: 'https://hooks.example.test/rockethub' } });

  /** Everything stored about an account's inboxes, compared before and after rejected requests. */
  async function inboxState(accountId: number) {
    const db = t.ctx.db;
    return {
      inboxes: await db.select().from(inboxes).where(eq(inboxes.accountId, accountId)).orderBy(asc(inboxes.id)),
      members: await db.select().from(inboxMembers).where(eq(inboxMembers.accountId, accountId)).orderBy(asc(inboxMembers.id)),
    };
  }

  async function create(a: BuiltAccount, body: object): Promise<Inbox> {
    const res = await t.request({ method: 'POST', url: inboxesUrl(a.id), token: a.admin.token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  /** Each mutation, as a request against account `a` (on an inbox of its own where there is one). */
  const mutations = [
    { route: 'POST /api/v1/accounts/{account_id}/inboxes', method: 'POST', url: (a: BuiltAccount) => inboxesUrl(a.id), payload: widgetBody },
    {
      route: 'PATCH /api/v1/accounts/{account_id}/inboxes/{id}',
      method: 'PATCH',
      url: (a: BuiltAccount, inboxId: number) => inboxUrl(a.id, inboxId),
      payload: () => ({ name: 'Renamed' }),
    },
    {
      route: 'PUT /api/v1/accounts/{account_id}/inboxes/{id}',
      method: 'PUT',
      url: (a: BuiltAccount, inboxId: number) => inboxUrl(a.id, inboxId),
      payload: () => ({ greeting_enabled: true }),
    },
    {
      route: 'DELETE /api/v1/accounts/{account_id}/inboxes/{id}',
      method: 'DELETE',
      url: (a: BuiltAccount, inboxId: number) => inboxUrl(a.id, inboxId),
      payload: () => undefined,
    },
  ] as const;

  describe('who may change inboxes', () => {
    for (const m of mutations) {
      it(`${m.route}: an agent, even a member of the inbox, gets 403 and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
        const before = await inboxState(a.id);
        expectError(await t.request({ method: m.method, url: m.url(a, inbox.id), token: a.agent.token, payload: m.payload() }), 403);
        expect(await inboxState(a.id)).toEqual(before);
      });

      it(`${m.route}: no token or a bad token gets 401 and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const inbox = await buildInbox(t.ctx, a.id);
        const before = await inboxState(a.id);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method: m.method, url: m.url(a, inbox.id), token, payload: m.payload() });
          expectError(res, 401);
          expectNoLeak(res, [inbox.name, inbox.channelIdentifier]);
        }
        expect(await inboxState(a.id)).toEqual(before);
      });

      it(`${m.route}: an administrator of another account gets 404, no data, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const inbox = await buildInbox(t.ctx, a.id);
        const before = await inboxState(a.id);
        const res = await t.request({ method: m.method, url: m.url(a, inbox.id), token: other.admin.token, payload: m.payload() });
        expectError(res, 404);
        expectNoLeak(res, [a.name, inbox.name, inbox.channelIdentifier, inbox.hmacToken]);
        expect(await inboxState(a.id)).toEqual(before);
        expect(await inboxState(other.id)).toEqual({ inboxes: [], members: [] });
      });
    }

    for (const m of mutations.filter((x) => x.method !== 'POST')) {
      it(`${m.route}: an administrator naming an inbox of another account gets 404, no data, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const theirs = await buildInbox(t.ctx, other.id);
        const before = await inboxState(other.id);
        const res = await t.request({ method: m.method, url: m.url(a, theirs.id), token: a.admin.token, payload: m.payload() });
        expectError(res, 404);
        expectNoLeak(res, [theirs.name, theirs.channelIdentifier, theirs.hmacToken]);
        expect(await inboxState(other.id)).toEqual(before);
      });
    }
  });

  describe('POST /api/v1/accounts/:account_id/inboxes', () => {
    it('creates a website inbox with its token, embed script and HMAC token, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const body = {
        ...widgetBody(),
        greeting_enabled: true,
        greeting_message: 'Olá! Como podemos ajudar?',
        timezone: 'America/Manaus',
        channel: {
          type: 'web_widget',
          website_url: 'https://shop.example.test',
          widget_color: '#FF5733',
          welcome_title: 'Bem-vindo',
          welcome_tagline: 'Respondemos rápido',
        },
      };
      const res = await t.request({ method: 'POST', url: inboxesUrl(a.id), token: a.admin.token, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/inboxes', res);
      const inbox = res.json() as Inbox;
      expectContractFields(inbox, 'inbox');
      expect(inbox).toMatchObject({
        account_id: a.id,
        name: body.name,
        channel_type: 'Channel::WebWidget',
        website_url: 'https://shop.example.test',
        widget_color: '#FF5733',
        welcome_title: 'Bem-vindo',
        welcome_tagline: 'Respondemos rápido',
        greeting_enabled: true,
        greeting_message: body.greeting_message,
        timezone: 'America/Manaus',
        hmac_mandatory: false,
        reply_time: 'in_a_few_minutes',
        enable_auto_assignment: true,
        working_hours_enabled: false,
      });
      expect(inbox).not.toHaveProperty('webhook_url');
      expect(inbox).not.toHaveProperty('inbox_identifier');
      expect(inbox.channel_id).toBe(inbox.id);
      const token = inbox.website_token as string;
      expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(inbox.hmac_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const script = inbox.web_widget_script as string;
      expect(script).toContain('window.chatwootSettings');
      expect(script).toContain('"http://rockethub.test"');
      expect(script).toContain('/packs/js/sdk.js');
      expect(script).toContain(`chatwootSDK.run({ websiteToken: "${token}", baseUrl: BASE_URL })`);
      // The default week: Monday to Friday 9:00–17:00.
      expect((inbox.working_hours as { day_of_week: number; closed_all_day: boolean }[]).map((d) => [d.day_of_week, d.closed_all_day])).toEqual([
        [0, true],
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [5, false],
        [6, true],
      ]);

      const other = await create(a, widgetBody());
      expect(other.website_token).not.toBe(token);
      expect(other.hmac_token).not.toBe(inbox.hmac_token);
    });

    it('creates an API inbox with its identifier, HMAC token and webhook URL', async () => {
      const a = await buildAccount(t.ctx);
      const body = { ...apiBody(), channel: { type: 'api', webhook_url: 'http://127.0.0.1:9/hook', hmac_mandatory: true } };
      const res = await t.request({ method: 'POST', url: inboxesUrl(a.id), token: a.admin.token, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/inboxes', res);
      const inbox = res.json() as Inbox;
      expectContractFields(inbox, 'inbox');
      expect(inbox).toMatchObject({
        channel_type: 'Channel::Api',
        webhook_url: 'http://127.0.0.1:9/hook',
        hmac_mandatory: true,
        website_token: null,
        web_widget_script: null,
        website_url: null,
        widget_color: null,
        additional_attributes: {},
      });
      expect(inbox.inbox_identifier).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(inbox.hmac_token).toEqual(expect.any(String));
      const withoutUrl = await create(a, { name: 'Bridge', channel: { type: 'api' } });
      expect(withoutUrl.webhook_url).toBeNull();
    });

    it('accepts every inbox setting of the contract and keeps them', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await create(a, {
        ...apiBody(),
        greeting_enabled: true,
        greeting_message: 'Hi',
        enable_email_collect: false,
        csat_survey_enabled: true,
        enable_auto_assignment: false,
        auto_assignment_config: { max_assignment_limit: 5 },
        working_hours_enabled: true,
        out_of_office_message: 'Back at 9',
        timezone: 'UTC',
        allow_messages_after_resolved: false,
        lock_to_single_conversation: true,
        sender_name_type: 'professional',
        business_name: 'Loja Exemplo',
        working_hours: [{ day_of_week: 6, open_hour: 10, open_minutes: 30, close_hour: 14, close_minutes: 0 }],
      });
      expect(inbox).toMatchObject({
        greeting_enabled: true,
        greeting_message: 'Hi',
        enable_email_collect: false,
        csat_survey_enabled: true,
        enable_auto_assignment: false,
        auto_assignment_config: { max_assignment_limit: 5 },
        working_hours_enabled: true,
        out_of_office_message: 'Back at 9',
        timezone: 'UTC',
        allow_messages_after_resolved: false,
        lock_to_single_conversation: true,
        sender_name_type: 'professional',
        business_name: 'Loja Exemplo',
      });
      const saturday = (inbox.working_hours as { day_of_week: number }[]).find((d) => d.day_of_week === 6);
      expect(saturday).toEqual({
        day_of_week: 6,
        closed_all_day: false,
        open_all_day: false,
        open_hour: 10,
        open_minutes: 30,
        close_hour: 14,
        close_minutes: 0,
      });
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await inboxState(a.id);
      const ok = widgetBody();
      const widget = (channel: object) => ({ payload: { ...ok, channel: { ...ok.channel, ...channel } } });
      const day = (entry: object) => ({ payload: { ...ok, working_hours: [{ day_of_week: 1, ...entry }] } });
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'name'],
        ['no channel', { payload: { name: 'x' } }, 422, 'channel'],
        ['blank name', { payload: { ...ok, name: '  ' } }, 422, 'name'],
        ['over-long name', { payload: { ...ok, name: 'n'.repeat(256) } }, 422, 'name'],
        ['name of the wrong type', { payload: { ...ok, name: 42 } }, 422, 'name'],
        ['no channel type', { payload: { ...ok, channel: { website_url: 'https://a.test' } } }, 422, 'channel.type'],
        ['a channel kind not offered yet', widget({ type: 'email' }), 422, 'channel.type'],
        ['a website inbox without its URL', { payload: { ...ok, channel: { type: 'web_widget' } } }, 422, 'channel.website_url'],
        ['a website URL that is not http(s)', widget({ website_url: 'ftp://shop.example.test' }), 422, 'channel.website_url'],
        ['a website URL that is no URL', widget({ website_url: 'shop' }), 422, 'channel.website_url'],
        ['a color name', widget({ widget_color: 'red' }), 422, 'channel.widget_color'],
        ['a short color', widget({ widget_color: '#fff' }), 422, 'channel.widget_color'],
        ['an unknown reply time', widget({ reply_time: 'soon' }), 422, 'channel.reply_time'],
        ['an unknown widget feature', widget({ selected_feature_flags: ['voice'] }), 422, 'channel.selected_feature_flags.0'],
        ['a webhook URL on a website inbox', widget({ webhook_url: 'https://hooks.example.test' }), 422, 'channel.webhook_url'],
        ['a website field on an API inbox', { payload: { name: 'x', channel: { type: 'api', widget_color: '#000000' } } }, 422, 'channel.widget_color'],
        ['a webhook URL that is not http(s)', { payload: { name: 'x', channel: { type: 'api', webhook_url: 'javascript:alert(1)' } } }, 422, 'channel.webhook_url'],
        ['hmac_mandatory not a boolean', widget({ hmac_mandatory: 'yes' }), 422, 'channel.hmac_mandatory'],
        ['an unknown time zone', { payload: { ...ok, timezone: 'Mars/Olympus_Mons' } }, 422, 'timezone'],
        ['a UTC offset as time zone', { payload: { ...ok, timezone: '+03:00' } }, 422, 'timezone'],
        ['an unknown sender name type', { payload: { ...ok, sender_name_type: 'robot' } }, 422, 'sender_name_type'],
        ['greeting_enabled not a boolean', { payload: { ...ok, greeting_enabled: 'true' } }, 422, 'greeting_enabled'],
        ['a zero assignment limit', { payload: { ...ok, auto_assignment_config: { max_assignment_limit: 0 } } }, 422, 'auto_assignment_config.max_assignment_limit'],
        ['working hours not a list', { payload: { ...ok, working_hours: { day_of_week: 1 } } }, 422, 'working_hours'],
        ['a day of week beyond Saturday', day({ day_of_week: 7, closed_all_day: true }), 422, 'working_hours.0.day_of_week'],
        ['an hour beyond 23', day({ open_hour: 9, close_hour: 24 }), 422, 'working_hours.0.close_hour'],
        ['minutes beyond 59', day({ open_hour: 9, open_minutes: 60, close_hour: 17 }), 422, 'working_hours.0.open_minutes'],
        ['an open day without hours', day({}), 422, 'working_hours.0.open_hour'],
        ['closing before opening', day({ open_hour: 17, close_hour: 9 }), 422, 'working_hours.0.close_hour'],
        ['closed and open all day', day({ closed_all_day: true, open_all_day: true }), 422, 'working_hours.0.open_all_day'],
        [
          'the same day twice',
          { payload: { ...ok, working_hours: [{ day_of_week: 2, closed_all_day: true }, { day_of_week: 2, open_all_day: true }] } },
          422,
          'working_hours.1.day_of_week',
        ],
        ['a null body', rawJson('null'), 422],
        ['invalid JSON', rawJson('{"name":'), 400],
        ['a NUL character', rawJson(JSON.stringify({ ...ok, name: 'Si\u0000te' })), 422],
        ['an unsupported content type', { payload: 'name=x', headers: { 'content-type': 'text/csv' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: inboxesUrl(a.id), token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) expectError(await t.request({ method: 'POST', url: inboxesUrl(id), token: a.admin.token, payload: ok }), 422, 'account_id');
      expectError(await t.request({ method: 'POST', url: inboxesUrl(UNKNOWN_ID), token: a.admin.token, payload: ok }), 404);
      expect(await inboxState(a.id)).toEqual(before);
    });
  });

  describe('GET /api/v1/accounts/:account_id/inboxes', () => {
    it('lists every inbox for an administrator, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const widget = await create(a, { ...widgetBody(), name: 'b Site' });
      const api = await create(a, { ...apiBody(), name: 'A bridge' });
      await buildInbox(t.ctx, (await buildAccount(t.ctx)).id);
      const res = await t.request({ method: 'GET', url: inboxesUrl(a.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/inboxes', res);
      const listed = res.json().payload as Inbox[];
      for (const inbox of listed) expectContractFields(inbox, 'inbox');
      // By name, ignoring case, as Chatwoot lists them.
      expect(listed).toEqual([api, widget]);
    });

    it('lists only the inboxes an agent is a member of, without HMAC tokens', async () => {
      const a = await buildAccount(t.ctx);
      const mine = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id], kind: 'api' });
      const notMine = await buildInbox(t.ctx, a.id, { memberIds: [a.admin.id] });
      const res = await t.request({ method: 'GET', url: inboxesUrl(a.id), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/inboxes', res);
      const listed = res.json().payload as Inbox[];
      expect(listed.map((i) => i.id)).toEqual([mine.id]);
      expect(listed[0]).not.toHaveProperty('hmac_token');
      expectNoLeak(res, [notMine.name, notMine.channelIdentifier, mine.hmacToken]);

      const none = await buildAccount(t.ctx);
      const empty = await t.request({ method: 'GET', url: inboxesUrl(none.id), token: none.agent.token });
      expect(empty.json()).toEqual({ payload: [] });
    });

    it('answers 401 without a token or with a bad one, and 404 to another account, without data', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id);
      for (const token of [undefined, 'bad-token']) {
        const res = await t.request({ method: 'GET', url: inboxesUrl(a.id), token });
        expectError(res, 401);
        expectNoLeak(res, [inbox.name]);
      }
      const other = await buildAccount(t.ctx);
      for (const token of [other.admin.token, other.agent.token]) {
        const res = await t.request({ method: 'GET', url: inboxesUrl(a.id), token });
        expectError(res, 404);
        expectNoLeak(res, [a.name, inbox.name, inbox.channelIdentifier]);
      }
    });

    it('rejects account ids that cannot exist with 422 and unknown ones with 404', async () => {
      const a = await buildAccount(t.ctx);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'GET', url: inboxesUrl(id), token: a.admin.token }), 422, 'account_id');
      expectError(await t.request({ method: 'GET', url: inboxesUrl(UNKNOWN_ID), token: a.admin.token }), 404);
    });
  });

  describe('GET /api/v1/accounts/:account_id/inboxes/:id', () => {
    it('shows an inbox to an administrator and to an agent member, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const created = await create(a, widgetBody());
      const admin = await t.request({ method: 'GET', url: inboxUrl(a.id, created.id), token: a.admin.token });
      expect(admin.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/inboxes/{id}', admin);
      expectContractFields(admin.json(), 'inbox');
      expect(admin.json()).toEqual(created);
      // Chatwoot's clients write the path with a trailing slash.
      const slashed = await t.request({ method: 'GET', url: `${inboxUrl(a.id, created.id)}/`, token: a.admin.token });
      expect(slashed.json()).toEqual(created);

      expectError(await t.request({ method: 'GET', url: inboxUrl(a.id, created.id), token: a.agent.token }), 404);
      await t.request({ method: 'POST', url: `/api/v1/accounts/${a.id}/inbox_members`, token: a.admin.token, payload: { inbox_id: created.id, user_ids: [a.agent.id] } });
      const agent = await t.request({ method: 'GET', url: inboxUrl(a.id, created.id), token: a.agent.token });
      expect(agent.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/inboxes/{id}', agent);
      expectContractFields(agent.json(), 'inbox');
      const { hmac_token: _secret, ...visible } = created;
      expect(agent.json()).toEqual(visible);
    });

    it('answers 404 for an inbox an agent is not a member of, of another account, or unknown; 401 without a valid token', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id);
      const theirs = await buildInbox(t.ctx, other.id, { memberIds: [other.agent.id] });
      const probes = [
        { url: inboxUrl(a.id, inbox.id), token: a.agent.token },
        { url: inboxUrl(a.id, theirs.id), token: a.admin.token },
        { url: inboxUrl(other.id, theirs.id), token: a.admin.token },
        { url: inboxUrl(a.id, inbox.id), token: other.admin.token },
        { url: inboxUrl(a.id, UNKNOWN_ID), token: a.admin.token },
      ];
      for (const probe of probes) {
        const res = await t.request({ method: 'GET', ...probe });
        expectError(res, 404);
        expectNoLeak(res, [inbox.name, inbox.channelIdentifier, theirs.name, theirs.channelIdentifier, theirs.hmacToken]);
      }
      for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url: inboxUrl(a.id, inbox.id), token }), 401);
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'GET', url: inboxUrl(a.id, id), token: a.admin.token }), 422, 'id');
        expectError(await t.request({ method: 'GET', url: inboxUrl(id, inbox.id), token: a.admin.token }), 422, 'account_id');
      }
    });
  });

  describe('PATCH /api/v1/accounts/:account_id/inboxes/:id', () => {
    it('updates the name, settings and website channel, keeping what is not sent', async () => {
      const a = await buildAccount(t.ctx);
      const created = await create(a, widgetBody());
      const res = await t.request({
        method: 'PATCH',
        url: inboxUrl(a.id, created.id),
        token: a.admin.token,
        payload: {
          name: 'Loja',
          enable_auto_assignment: false,
          greeting_message: 'Oi',
          timezone: 'Europe/Lisbon',
          working_hours: [
            { day_of_week: 1, open_all_day: true },
            { day_of_week: 0, open_hour: 10, close_hour: 12, close_minutes: 30 },
          ],
          channel: { widget_color: '#000000', welcome_title: 'Olá', reply_time: 'in_a_day', selected_feature_flags: ['attachments'] },
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/accounts/{account_id}/inboxes/{id}', res);
      expectContractFields(res.json(), 'inbox');
      const updated = res.json() as Inbox;
      expect(updated).toMatchObject({
        id: created.id,
        name: 'Loja',
        enable_auto_assignment: false,
        greeting_message: 'Oi',
        timezone: 'Europe/Lisbon',
        widget_color: '#000000',
        welcome_title: 'Olá',
        reply_time: 'in_a_day',
        selected_feature_flags: ['attachments'],
        website_url: created.website_url,
        website_token: created.website_token,
        hmac_token: created.hmac_token,
      });
      const week = updated.working_hours as { day_of_week: number }[];
      expect(week).toHaveLength(7);
      expect(week[0]).toEqual({ day_of_week: 0, closed_all_day: false, open_all_day: false, open_hour: 10, open_minutes: 0, close_hour: 12, close_minutes: 30 });
      expect(week[1]).toEqual({ day_of_week: 1, closed_all_day: false, open_all_day: true, open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59 });
      expect(week[2]).toEqual((created.working_hours as object[])[2]);

      const cleared = await t.request({ method: 'PUT', url: inboxUrl(a.id, created.id), token: a.admin.token, payload: { greeting_message: '', channel: { welcome_title: null } } });
      expect(cleared.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'PUT /api/v1/accounts/{account_id}/inboxes/{id}', cleared);
      expect(cleared.json()).toMatchObject({ greeting_message: null, welcome_title: null, name: 'Loja' });
      const shown = await t.request({ method: 'GET', url: inboxUrl(a.id, created.id), token: a.admin.token });
      expect(shown.json()).toEqual(cleared.json());
    });

    it('updates and clears the webhook URL of an API inbox', async () => {
      const a = await buildAccount(t.ctx);
      const created = await create(a, apiBody());
      const changed = await t.request({
        method: 'PATCH',
        url: inboxUrl(a.id, created.id),
        token: a.admin.token,
        payload: { channel: { webhook_url: 'https://new.example.test/hook', hmac_mandatory: true, additional_attributes: { bridge: 'whatsapp' } } },
      });
      expect(changed.json()).toMatchObject({
        webhook_url: 'https://new.example.test/hook',
        hmac_mandatory: true,
        additional_attributes: { bridge: 'whatsapp' },
        inbox_identifier: created.inbox_identifier,
      });
      const cleared = await t.request({ method: 'PATCH', url: inboxUrl(a.id, created.id), token: a.admin.token, payload: { channel: { webhook_url: '' } } });
      expect(cleared.json().webhook_url).toBeNull();
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const widget = await create(a, { ...widgetBody(), name: 'b Site' });
      const api = await create(a, { ...apiBody(), name: 'A bridge' });
      const before = await inboxState(a.id);
      const cases: [number, object, number, string?][] = [
        [widget.id, { payload: { name: '' } }, 422, 'name'],
        [widget.id, { payload: { channel: { website_url: '' } } }, 422, 'channel.website_url'],
        [widget.id, { payload: { channel: { website_url: null } } }, 422, 'channel.website_url'],
        [widget.id, { payload: { channel: { widget_color: '#12345g' } } }, 422, 'channel.widget_color'],
        [widget.id, { payload: { channel: { webhook_url: 'https://x.test' } } }, 422, 'channel.webhook_url'],
        [api.id, { payload: { channel: { website_url: 'https://x.test' } } }, 422, 'channel.website_url'],
        [api.id, { payload: { channel: { webhook_url: 'not a url' } } }, 422, 'channel.webhook_url'],
        [api.id, { payload: { timezone: 'Europe/Atlantis' } }, 422, 'timezone'],
        [api.id, { payload: { working_hours: [{ day_of_week: 3, open_hour: 12, close_hour: 12 }] } }, 422, 'working_hours.0.close_hour'],
        [api.id, { payload: { lock_to_single_conversation: null } }, 422, 'lock_to_single_conversation'],
        [api.id, rawJson('[]'), 422],
        [api.id, rawJson('{"name":'), 400],
      ];
      for (const [id, options, status, field] of cases) {
        const res = await t.request({ method: 'PATCH', url: inboxUrl(a.id, id), token: a.admin.token, ...options });
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'PATCH', url: inboxUrl(a.id, id), token: a.admin.token, payload: { name: 'x' } }), 422, 'id');
        expectError(await t.request({ method: 'PATCH', url: inboxUrl(id, api.id), token: a.admin.token, payload: { name: 'x' } }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'PATCH', url: inboxUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { name: 'x' } }), 404);
      expect(await inboxState(a.id)).toEqual(before);
    });
  });

  describe('DELETE /api/v1/accounts/:account_id/inboxes/:id', () => {
    it('deletes an inbox with its members; the others stay', async () => {
      const a = await buildAccount(t.ctx);
      const gone = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
      const stays = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
      const res = await t.request({ method: 'DELETE', url: inboxUrl(a.id, gone.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/inboxes/{id}', res);
      expect(res.json()).toEqual({ success: true });
      const state = await inboxState(a.id);
      expect(state.inboxes.map((i) => i.id)).toEqual([stays.id]);
      expect(state.members.map((m) => m.inboxId)).toEqual([stays.id]);
      expectError(await t.request({ method: 'GET', url: inboxUrl(a.id, gone.id), token: a.admin.token }), 404);
      expectError(await t.request({ method: 'DELETE', url: inboxUrl(a.id, gone.id), token: a.admin.token }), 404);
    });

    it('rejects ids that cannot exist with 422 and unknown ones with 404, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id);
      const before = await inboxState(a.id);
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'DELETE', url: inboxUrl(a.id, id), token: a.admin.token }), 422, 'id');
        expectError(await t.request({ method: 'DELETE', url: inboxUrl(id, inbox.id), token: a.admin.token }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'DELETE', url: inboxUrl(a.id, UNKNOWN_ID), token: a.admin.token }), 404);
      expect(await inboxState(a.id)).toEqual(before);
    });
  });
});

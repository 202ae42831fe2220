import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, conversations, customAttributeDefinitions } from '../../db/schema';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { buildAccount, buildContact, type BuiltAccount } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { BAD_IDS, expectError, expectNoLeak, UNKNOWN_ID } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type Definition = { id: number; attribute_key: string; attribute_display_type: string; attribute_model: string; attribute_values: string[] };

describe('custom attribute definitions API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const listUrl = (a: { id: number }) => `/api/v1/accounts/${a.id}/custom_attribute_definitions`;
  const itemUrl = (a: { id: number }, id: number | string) => `${listUrl(a)}/${id}`;
  const rows = (accountId: number) =>
    t.ctx.db.select().from(customAttributeDefinitions).where(eq(customAttributeDefinitions.accountId, accountId)).orderBy(asc(customAttributeDefinitions.id));

  async function define(a: BuiltAccount, body: Record<string, unknown>): Promise<Definition> {
    const res = await t.request({ method: 'POST', url: listUrl(a), token: a.admin.token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('an administrator creates each display type (by number or name), wrapped or not; everyone in the account lists and reads them', async () => {
    const a = await buildAccount(t.ctx);
    const plan = await define(a, {
      attribute_display_name: 'Plano',
      attribute_key: 'plano',
      attribute_display_type: 6,
      attribute_model: 1,
      attribute_values: ['Ouro', 'Prata'],
      default_value: 'Prata',
    });
    expect(plan).toMatchObject({ attribute_key: 'plano', attribute_display_type: 'list', attribute_model: 'contact_attribute', attribute_values: ['Ouro', 'Prata'], default_value: 'Prata' });
    const order = await define(a, {
      custom_attribute_definition: {
        attribute_display_name: 'Pedido',
        attribute_key: 'pedido',
        attribute_display_type: 'text',
        attribute_model: 'conversation_attribute',
        regex_pattern: '^PED-\\d+$',
        regex_cue: 'Use o formato PED-123',
      },
    });
    expect(order).toMatchObject({ attribute_display_type: 'text', attribute_model: 'conversation_attribute', regex_pattern: '^PED-\\d+$' });
    for (const [i, type] of ['number', 'currency', 'percent', 'link', 'date', 'checkbox'].entries()) {
      await define(a, { attribute_display_name: type, attribute_key: `k${i}`, attribute_display_type: type, attribute_model: 0 });
    }
    await define(await buildAccount(t.ctx), { attribute_display_name: 'Outra', attribute_key: 'outra', attribute_model: 0 });
    for (const token of [a.admin.token, a.agent.token]) {
      const contactOnes = await t.request({ method: 'GET', url: `${listUrl(a)}?attribute_model=1`, token });
      expect(contactOnes.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/custom_attribute_definitions', contactOnes);
      expect(contactOnes.json().map((d: Definition) => d.attribute_key)).toEqual(['plano']);
      const all = await t.request({ method: 'GET', url: listUrl(a), token });
      expect(all.json()).toHaveLength(8);
      const shown = await t.request({ method: 'GET', url: itemUrl(a, plan.id), token });
      expect(shown.json()).toEqual(plan);
      expectContractFields(shown.json(), 'custom_attribute');
    }
  });

  it('updates and deletes; the key stays unique per model', async () => {
    const a = await buildAccount(t.ctx);
    const first = await define(a, { attribute_display_name: 'Plano', attribute_key: 'plano', attribute_model: 0 });
    await define(a, { attribute_display_name: 'Plano do contato', attribute_key: 'plano', attribute_model: 1 });
    const second = await define(a, { attribute_display_name: 'Nível', attribute_key: 'nivel', attribute_model: 0 });
    expectError(await t.request({ method: 'POST', url: listUrl(a), token: a.admin.token, payload: { attribute_display_name: 'x', attribute_key: 'plano', attribute_model: 0 } }), 422, 'attribute_key');
    expectError(await t.request({ method: 'PATCH', url: itemUrl(a, second.id), token: a.admin.token, payload: { attribute_key: 'plano' } }), 422, 'attribute_key');
    const updated = await t.request({ method: 'PATCH', url: itemUrl(a, first.id), token: a.admin.token, payload: { attribute_display_type: 'list', attribute_values: ['Ouro'] } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ attribute_display_type: 'list', attribute_values: ['Ouro'] });
    const deleted = await t.request({ method: 'DELETE', url: itemUrl(a, first.id), token: a.admin.token });
    expect(deleted.json()).toEqual({ success: true });
    expect((await rows(a.id)).map((r) => r.attributeKey)).toEqual(['plano', 'nivel']);
    expectError(await t.request({ method: 'GET', url: itemUrl(a, first.id), token: a.admin.token }), 404);
  });

  it('agents may not change definitions (403), other accounts get 404, bad input 422; nothing changes', async () => {
    const a = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const d = await define(a, { attribute_display_name: 'Segredo da conta', attribute_key: 'segredo', attribute_model: 0 });
    const before = await rows(a.id);
    const body = { attribute_display_name: 'Novo', attribute_key: 'novo', attribute_model: 0 };
    expectError(await t.request({ method: 'POST', url: listUrl(a), token: a.agent.token, payload: body }), 403);
    expectError(await t.request({ method: 'PATCH', url: itemUrl(a, d.id), token: a.agent.token, payload: body }), 403);
    expectError(await t.request({ method: 'DELETE', url: itemUrl(a, d.id), token: a.agent.token }), 403);
    for (const [method, url] of [['GET', listUrl(a)], ['GET', itemUrl(a, d.id)], ['PATCH', itemUrl(a, d.id)], ['DELETE', itemUrl(a, d.id)], ['POST', listUrl(a)]] as const) {
      const res = await t.request({ method, url, token: other.admin.token, ...(method === 'PATCH' || method === 'POST' ? { payload: body } : {}) });
      expectError(res, 404);
      expectNoLeak(res, ['Segredo da conta']);
    }
    // Another account's definition through one's own account.
    expectError(await t.request({ method: 'GET', url: itemUrl(other, d.id), token: other.admin.token }), 404);
    expectError(await t.request({ method: 'GET', url: itemUrl(a, UNKNOWN_ID), token: a.admin.token }), 404);
    for (const bad of BAD_IDS) expectError(await t.request({ method: 'GET', url: itemUrl(a, bad), token: a.admin.token }), 422);
    expectError(await t.request({ method: 'GET', url: `${listUrl(a)}?attribute_model=7`, token: a.admin.token }), 422, 'attribute_model');
    const bad: [Record<string, unknown>, string][] = [
      [{ attribute_key: 'x', attribute_model: 0 }, 'attribute_display_name'],
      [{ attribute_display_name: 'X', attribute_model: 0 }, 'attribute_key'],
      [{ attribute_display_name: 'X', attribute_key: 'tem espaço', attribute_model: 0 }, 'attribute_key'],
      [{ attribute_display_name: 'X', attribute_key: 'x', attribute_model: 2 }, 'attribute_model'],
      [{ attribute_display_name: 'X', attribute_key: 'x', attribute_model: 0, attribute_display_type: 8 }, 'attribute_display_type'],
      [{ attribute_display_name: 'X', attribute_key: 'x', attribute_model: 0, attribute_display_type: 'list' }, 'attribute_values'],
      [{ attribute_display_name: 'X', attribute_key: 'x', attribute_model: 0, regex_pattern: '([a-z' }, 'regex_pattern'],
      [{ attribute_display_name: 'X', attribute_key: 'x', attribute_model: 0, attribute_display_type: 'number', regex_pattern: '^1$' }, 'regex_pattern'],
      [{ attribute_display_name: 'X', attribute_key: 'x', attribute_model: 0, attribute_display_type: 'number', default_value: 'muito' }, 'default_value'],
    ];
    for (const [payload, field] of bad) expectError(await t.request({ method: 'POST', url: listUrl(a), token: a.admin.token, payload }), 422, field);
    expect(await rows(a.id)).toEqual(before);
  });

  describe('values on contacts and conversations', () => {
    async function scene() {
      const a = await buildAccount(t.ctx);
      await define(a, { attribute_display_name: 'Plano', attribute_key: 'plano', attribute_display_type: 'list', attribute_model: 1, attribute_values: ['Ouro', 'Prata'] });
      await define(a, { attribute_display_name: 'Idade', attribute_key: 'idade', attribute_display_type: 'number', attribute_model: 1 });
      await define(a, { attribute_display_name: 'VIP', attribute_key: 'vip', attribute_display_type: 'checkbox', attribute_model: 1 });
      await define(a, { attribute_display_name: 'Site', attribute_key: 'site', attribute_display_type: 'link', attribute_model: 1 });
      await define(a, { attribute_display_name: 'Nascimento', attribute_key: 'nascimento', attribute_display_type: 'date', attribute_model: 1 });
      await define(a, { attribute_display_name: 'Pedido', attribute_key: 'pedido', attribute_model: 0, regex_pattern: '^PED-\\d+$', regex_cue: 'Use o formato PED-123' });
      return a;
    }

    it('contacts: values that fit their definitions are stored, others are refused naming the key; undefined keys pass', async () => {
      const a = await scene();
      const contact = await buildContact(t.ctx, a.id);
      const url = `/api/v1/accounts/${a.id}/contacts/${contact.id}`;
      const good = { plano: 'Ouro', idade: 42, vip: true, site: 'https://aurora.example', nascimento: '1990-05-17', livre: { qualquer: 'coisa' } };
      const res = await t.request({ method: 'PUT', url, token: a.agent.token, payload: { custom_attributes: good } });
      expect(res.statusCode, res.body).toBe(200);
      const bad: [string, unknown][] = [
        ['plano', 'Platina'],
        ['idade', 'quarenta'],
        ['vip', 'sim'],
        ['site', 'javascript:alert(1)'],
        ['nascimento', '17/05/1990'],
      ];
      for (const [key, value] of bad) {
        expectError(await t.request({ method: 'PUT', url, token: a.agent.token, payload: { custom_attributes: { [key]: value } } }), 422, `custom_attributes.${key}`);
      }
      const created = await t.request({ method: 'POST', url: `/api/v1/accounts/${a.id}/contacts`, token: a.agent.token, payload: { name: 'Nova', custom_attributes: { plano: 'Cobre' } } });
      expectError(created, 422, 'custom_attributes.plano');
      const [row] = await t.ctx.db.select().from(contacts).where(eq(contacts.id, contact.id));
      expect(row!.customAttributes).toEqual(good);
    });

    it('conversations: a text attribute with a pattern refuses values that do not match, with the cue as the message', async () => {
      const a = await scene();
      const inbox = await insertInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
      const { contact } = await insertContact(t.ctx, a.id, inbox.id);
      const bad = await t.request({
        method: 'POST',
        url: `/api/v1/accounts/${a.id}/conversations`,
        token: a.agent.token,
        payload: { inbox_id: inbox.id, contact_id: contact.id, custom_attributes: { pedido: '123' } },
      });
      expect(expectError(bad, 422, 'custom_attributes.pedido').errors[0]!.message).toBe('Use o formato PED-123');
      expect(await t.ctx.db.select().from(conversations).where(eq(conversations.accountId, a.id))).toEqual([]);
      const created = await t.request({
        method: 'POST',
        url: `/api/v1/accounts/${a.id}/conversations`,
        token: a.agent.token,
        payload: { inbox_id: inbox.id, contact_id: contact.id, custom_attributes: { pedido: 'PED-77' } },
      });
      expect(created.statusCode, created.body).toBe(200);
      const url = `/api/v1/accounts/${a.id}/conversations/${created.json().id}/custom_attributes`;
      expectError(await t.request({ method: 'POST', url, token: a.agent.token, payload: { custom_attributes: { pedido: 'PED-' } } }), 422, 'custom_attributes.pedido');
      const ok = await t.request({ method: 'POST', url, token: a.agent.token, payload: { custom_attributes: { pedido: 'PED-78', outro: 1 } } });
      expect(ok.json()).toEqual({ custom_attributes: { pedido: 'PED-78', outro: 1 } });
    });
  });
});

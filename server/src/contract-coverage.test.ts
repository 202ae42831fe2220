import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildInbox, buildPlatformApp, buildUser } from '../test/builders';
import {
  type ContractDepartures,
  contractOperations,
  contractResponseProblems,
  documentOperations,
  openApiDocument,
  routeShape,
} from '../test/contract';
import { insertLabels, insertTeam } from '../test/conversation-builders';
import { clientAddress, unique } from '../test/expect-api';
import { startTestApp, type TestApp } from '../test/harness';
import { contacts } from './db/schema';

/**
 * Every operation of the Chatwoot contract (shared/chatwoot-api/swagger.json, read at run time) that
 * RocketHub implements is called here for real, and its answer is checked against the response the
 * contract documents: the status, every field the contract lists (recursively), and the JSON type
 * and enum of every value that is not null. Each deliberate departure is declared next to its
 * operation with the reason; a declaration the answer no longer needs fails as stale.
 *
 * "Implemented" is the intersection of the contract's operations and RocketHub's own OpenAPI
 * document, matched by route shape (parameter names and trailing slashes do not matter). A route
 * added to either side that lands in the intersection fails the coverage test until it has an
 * entry in OPERATIONS below. (The contract's `GET /accounts/{account_id}/conversations/{conversation_id}/messages`,
 * without `/api/v1`, is a path Chatwoot does not serve; its messages are at the `/api/v1` path, covered here.)
 */

let t: TestApp;

type Operation = ContractDepartures & {
  /** Sets up what the request needs (in an account or platform app of its own) and makes it. */
  call: () => Promise<LightMyRequestResponse>;
  /** Answered with another success status than the contract documents, and why. */
  status?: { code: number; reason: string };
  /**
   * Parts of the answer to check against another of the contract's schemas, where a declared
   * departure keeps the operation's own schema from reaching them (`a.b`, `list[]` for each item).
   */
  parts?: ({ path: string; schema: string } & ContractDepartures)[];
};

/** The same reason for several fields under one path. */
function fields(prefix: string, names: string[], reason: string): Record<string, string> {
  return Object.fromEntries(names.map((name) => [`${prefix}${name}`, reason]));
}

/** The values at a path of `parts`: `a.b` steps into objects, `list[]` into every item of an array. */
function valuesAt(value: unknown, path: string): unknown[] {
  let values = [value];
  for (const step of path.split('.')) {
    const name = step.replace(/\[\]$/, '');
    if (name !== '') values = values.map((v) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[name] : undefined));
    if (step.endsWith('[]')) values = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return values;
}

// ——— why RocketHub's answers depart from the contract where they do ———

/** Reasons shared by several operations (most as the module tests word them). */
const WHY = {
  attachment: 'Chatwoot sends a message’s files as the array `attachments` (present); the contract’s singular field is not what its server sends',
  senderType:
    'Chatwoot’s server sends the sender’s class name (`User`, `Contact`, `AgentBot`), as RocketHub does; the contract’s lower-case enum is not what it sends',
  timestamp: 'Chatwoot’s server sends `timestamp` as Unix seconds (last_activity_at.to_i), as RocketHub does; the contract calls it a string',
  assigneeAsUser:
    'the contract shows the assignee as a full user with their access and pubsub tokens; RocketHub shows them as Chatwoot’s agent card (name, email, role, availability…) and never shares a user’s tokens or private settings',
  accountCustomAttributes: 'free-form data: the contract lists Chatwoot billing keys that exist only once a client sets them',
  featureFlags: 'Chatwoot’s server sends a website inbox’s enabled features as a list of names (attachments, emoji_picker, …), as RocketHub does; the contract calls it an object',
  publicInboxId: 'Chatwoot’s client API sends `inbox_id` as the inbox’s numeric id, as RocketHub does; the contract calls it a string',
  publicMessages:
    'the client API shows a conversation’s messages to the contact in its public message shape (as Chatwoot’s public conversation view does), without the agent-side fields',
  publicNumber: 'Chatwoot’s client API sends ids, message_type and created_at (Unix seconds) as numbers, as RocketHub does; the contract calls them strings',
  attributeValues: 'Chatwoot’s server sends a list attribute’s choices as an array of strings, as RocketHub does; the contract calls it a string',
  publicContentAttributes: 'Chatwoot’s client API sends content_attributes as an object (items, submitted_values, …), as RocketHub does; the contract calls it a string',
};

/** The fields of the contract's `user` a colleague's card does not carry (tokens, account settings, …). */
const USER_FIELDS_NOT_SHOWN = [
  'access_token',
  'message_signature',
  'hmac_identifier',
  'inviter_id',
  'pubsub_token',
  'ui_settings',
  'uid',
  'custom_attributes',
  'accounts',
];

/** The agent-side message fields the client API leaves out of a contact's view. */
const AGENT_SIDE_MESSAGE_FIELDS = [
  'account_id',
  'inbox_id',
  'updated_at',
  'private',
  'source_id',
  'sender_type',
  'sender_id',
  'external_source_ids',
  'additional_attributes',
  'processed_message_content',
  'sentiment',
  'conversation',
  'attachment',
];

/** A public message (client API) under `prefix`, against the contract's public_message. */
function publicMessage(prefix: string): ContractDepartures {
  return {
    differ: {
      ...fields(prefix, ['id', 'message_type', 'created_at', 'conversation_id'], WHY.publicNumber),
      [`${prefix}content_attributes`]: WHY.publicContentAttributes,
    },
  };
}

/** A conversation as agents see it (list, show, filter, a contact's conversations), under `prefix`. */
function agentConversation(prefix: string): ContractDepartures {
  return {
    absent: {
      [`${prefix}messages[].attachment`]: WHY.attachment,
      [`${prefix}last_non_activity_message.attachment`]: WHY.attachment,
      ...fields(
        `${prefix}meta.assignee.`,
        USER_FIELDS_NOT_SHOWN,
        WHY.assigneeAsUser,
      ),
    },
    differ: {
      [`${prefix}messages[].sender_type`]: WHY.senderType,
      [`${prefix}last_non_activity_message.sender_type`]: WHY.senderType,
      [`${prefix}timestamp`]: WHY.timestamp,
    },
  };
}

/** A public conversation (client API) under `prefix`: its messages are checked as public messages. */
function publicConversation(prefix: string): Pick<Operation, 'absent' | 'differ' | 'parts'> {
  return {
    absent: fields(`${prefix}messages[].`, AGENT_SIDE_MESSAGE_FIELDS, WHY.publicMessages),
    differ: { [`${prefix}inbox_id`]: WHY.publicInboxId },
    parts: [{ path: `${prefix}messages[]`, schema: 'public_message', ...publicMessage('') }],
  };
}

// ——— requests ———

const api = (account: { id: number }, path = '') => `/api/v1/accounts/${account.id}${path}`;

function as(token: string, method: InjectOptions['method'], url: string, payload?: object) {
  return t.request({ method, url, token, ...(payload ? { payload } : {}) });
}

/** The public (client) API is rate limited per address: every call comes from an address of its own. */
function visitor(method: InjectOptions['method'], url: string, payload?: object) {
  return t.request({ method, url, remoteAddress: clientAddress(), ...(payload ? { payload } : {}) });
}

/** The JSON of a setup request, which must succeed. */
async function ok<T = Record<string, unknown>>(response: Promise<LightMyRequestResponse>): Promise<T> {
  const res = await response;
  if (res.statusCode !== 200) throw new Error(`setup request failed: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as T;
}

// ——— scenes: the least data that makes each answer carry every part the contract describes ———

const DEFINITION = {
  attribute_display_name: 'Plano',
  attribute_key: 'plano',
  attribute_display_type: 6,
  attribute_description: 'Plano contratado',
  attribute_model: 0,
  attribute_values: ['Ouro', 'Prata'],
  default_value: 'Prata',
};

const SAVED_FILTER = { name: 'Abertas', type: 'conversation', query: { payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }] } };

/** An account whose agent saved one conversation folder. */
async function filterScene() {
  const account = await buildAccount(t.ctx);
  const created = await ok<{ id: number }>(as(account.agent.token, 'POST', api(account, '/custom_filters'), SAVED_FILTER));
  return { account, id: created.id };
}

/** An account with one conversation attribute definition (a list). */
async function definitionScene() {
  const account = await buildAccount(t.ctx);
  const created = await ok<{ id: number }>(as(account.admin.token, 'POST', api(account, '/custom_attribute_definitions'), { ...DEFINITION, regex_cue: null }));
  return { account, id: created.id };
}

type PlatformScene = { token: string; accountId: number; userId: number };

/** A platform app with an account and a user of its own, the user an agent of the account. */
async function platformScene(): Promise<PlatformScene> {
  const { token } = await buildPlatformApp(t.ctx);
  const account = await ok<{ id: number }>(as(token, 'POST', '/platform/api/v1/accounts', { name: `Tenant ${unique()}` }));
  const user = await ok<{ id: number }>(as(token, 'POST', '/platform/api/v1/users', { name: 'Provisioned', email: `prov-${unique()}@example.test` }));
  await ok(as(token, 'POST', `/platform/api/v1/accounts/${account.id}/account_users`, { user_id: user.id, role: 'agent' }));
  return { token, accountId: account.id, userId: user.id };
}

type Visitor = { id: number; source_id: string };

/** An account with an API inbox its agent works in, and a contact who signed in through the client API. */
async function visitorScene() {
  const account = await buildAccount(t.ctx);
  const inbox = await buildInbox(t.ctx, account.id, { kind: 'api', memberIds: [account.agent.id] });
  const base = `/public/api/v1/inboxes/${inbox.channelIdentifier}`;
  const contact = await ok<Visitor>(
    visitor('POST', `${base}/contacts`, {
      name: 'Paula Reis',
      email: `paula-${unique()}@example.test`,
      phone_number: '+5511988887777',
      identifier: `crm-${unique()}`,
      custom_attributes: { plan: 'pro' },
    }),
  );
  // What Chatwoot's widget records about a visitor (the contract lists these keys).
  await t.ctx.db
    .update(contacts)
    .set({ additionalAttributes: { city: 'São Paulo', country: 'Brasil', country_code: 'BR', created_at_ip: '203.0.113.7' } })
    .where(eq(contacts.id, contact.id));
  return { account, inbox, base, contact, session: `${base}/contacts/${contact.source_id}` };
}

/**
 * A conversation as agents see it every day: the contact wrote, an agent was assigned, it was
 * labelled, and the agent replied. Its messages, last message, sender, assignee and labels are all there.
 */
async function conversationScene() {
  const scene = await visitorScene();
  const { account, session } = scene;
  const conversation = await ok<{ id: number }>(visitor('POST', `${session}/conversations`, {}));
  const id = conversation.id;
  await ok(visitor('POST', `${session}/conversations/${id}/messages`, { content: 'Meu pedido 123 atrasou' }));
  await insertLabels(t.ctx, account.id, ['pedido']);
  const admin = account.admin.token;
  await ok(as(admin, 'POST', api(account, `/conversations/${id}/assignments`), { assignee_id: account.agent.id }));
  await ok(as(admin, 'POST', api(account, `/conversations/${id}/labels`), { labels: ['pedido'] }));
  const reply = await ok<{ id: number }>(as(account.agent.token, 'POST', api(account, `/conversations/${id}/messages`), { content: 'Vou verificar!' }));
  return { ...scene, conversationId: id, replyId: reply.id, url: api(account, `/conversations/${id}`) };
}

/** A contact of an account, known to an API inbox, with a label. */
async function contactScene() {
  const scene = await visitorScene();
  await insertLabels(t.ctx, scene.account.id, ['vip']);
  await ok(as(scene.account.admin.token, 'POST', api(scene.account, `/contacts/${scene.contact.id}/labels`), { labels: ['vip'] }));
  return { ...scene, url: api(scene.account, `/contacts/${scene.contact.id}`) };
}

async function teamScene() {
  const account = await buildAccount(t.ctx);
  const team = await insertTeam(t.ctx, account.id, [account.agent.id]);
  return { account, team, url: api(account, `/teams/${team.id}`) };
}

async function cannedResponseScene() {
  const account = await buildAccount(t.ctx);
  const created = await ok<{ id: number }>(as(account.admin.token, 'POST', api(account, '/canned_responses'), { short_code: 'ola', content: 'Olá, {{contact.name}}!' }));
  return { account, id: created.id };
}

async function inboxScene() {
  const account = await buildAccount(t.ctx);
  const inbox = await buildInbox(t.ctx, account.id, { kind: 'web_widget', memberIds: [account.agent.id] });
  return { account, inbox };
}

// ——— the table: every implemented operation, keyed as the contract writes it ———

const OPERATIONS: Record<string, Operation> = {
  // Platform API
  'POST /platform/api/v1/accounts': {
    call: async () => {
      const { token } = await buildPlatformApp(t.ctx);
      return as(token, 'POST', '/platform/api/v1/accounts', { name: `Tenant ${unique()}` });
    },
  },
  'GET /platform/api/v1/accounts/{account_id}': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'GET', `/platform/api/v1/accounts/${p.accountId}`);
    },
  },
  'PATCH /platform/api/v1/accounts/{account_id}': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'PATCH', `/platform/api/v1/accounts/${p.accountId}`, { name: 'Tenant Uno' });
    },
  },
  'DELETE /platform/api/v1/accounts/{account_id}': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'DELETE', `/platform/api/v1/accounts/${p.accountId}`);
    },
  },
  'GET /platform/api/v1/accounts/{account_id}/account_users': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'GET', `/platform/api/v1/accounts/${p.accountId}/account_users`);
    },
  },
  'POST /platform/api/v1/accounts/{account_id}/account_users': {
    call: async () => {
      const p = await platformScene();
      const user = await ok<{ id: number }>(as(p.token, 'POST', '/platform/api/v1/users', { name: 'Second', email: `second-${unique()}@example.test` }));
      return as(p.token, 'POST', `/platform/api/v1/accounts/${p.accountId}/account_users`, { user_id: user.id, role: 'agent' });
    },
  },
  'DELETE /platform/api/v1/accounts/{account_id}/account_users': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'DELETE', `/platform/api/v1/accounts/${p.accountId}/account_users`, { user_id: p.userId });
    },
  },
  'POST /platform/api/v1/users': {
    empty: { accounts: 'a user the platform app has just created belongs to no account yet' },
    call: async () => {
      const { token } = await buildPlatformApp(t.ctx);
      return as(token, 'POST', '/platform/api/v1/users', { name: 'Daniel Souza', email: `daniel-${unique()}@example.test` });
    },
  },
  'GET /platform/api/v1/users/{id}': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'GET', `/platform/api/v1/users/${p.userId}`);
    },
  },
  'PATCH /platform/api/v1/users/{id}': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'PATCH', `/platform/api/v1/users/${p.userId}`, { name: 'Daniel S' });
    },
  },
  'DELETE /platform/api/v1/users/{id}': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'DELETE', `/platform/api/v1/users/${p.userId}`);
    },
  },
  'GET /platform/api/v1/users/{id}/login': {
    call: async () => {
      const p = await platformScene();
      return as(p.token, 'GET', `/platform/api/v1/users/${p.userId}/login`);
    },
  },

  // Client (public) API
  'GET /public/api/v1/inboxes/{inbox_identifier}': {
    call: async () => {
      const account = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, account.id, { kind: 'api' });
      return visitor('GET', `/public/api/v1/inboxes/${inbox.channelIdentifier}`);
    },
  },
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts': {
    call: async () => {
      const account = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, account.id, { kind: 'api' });
      return visitor('POST', `/public/api/v1/inboxes/${inbox.channelIdentifier}/contacts`, { name: 'Paula Reis', email: `paula-${unique()}@example.test` });
    },
  },
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}': {
    call: async () => visitor('GET', (await visitorScene()).session),
  },
  'PATCH /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}': {
    call: async () => visitor('PATCH', (await visitorScene()).session, { name: 'Paula R. Reis' }),
  },
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations': {
    differ: { inbox_id: WHY.publicInboxId },
    empty: { messages: 'a conversation the contact has just opened has no messages yet' },
    call: async () => visitor('POST', `${(await visitorScene()).session}/conversations`, {}),
  },
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations': {
    ...publicConversation('[].'),
    call: async () => visitor('GET', `${(await conversationScene()).session}/conversations`),
  },
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}': {
    ...publicConversation(''),
    call: async () => {
      const c = await conversationScene();
      return visitor('GET', `${c.session}/conversations/${c.conversationId}`);
    },
  },
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_status': {
    ...publicConversation(''),
    call: async () => {
      const c = await conversationScene();
      return visitor('POST', `${c.session}/conversations/${c.conversationId}/toggle_status`, {});
    },
  },
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_typing': {
    call: async () => {
      const c = await conversationScene();
      return visitor('POST', `${c.session}/conversations/${c.conversationId}/toggle_typing`, { typing_status: 'on' });
    },
  },
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/update_last_seen': {
    call: async () => {
      const c = await conversationScene();
      return visitor('POST', `${c.session}/conversations/${c.conversationId}/update_last_seen`, {});
    },
  },
  'POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages': {
    ...publicMessage(''),
    call: async () => {
      const c = await conversationScene();
      return visitor('POST', `${c.session}/conversations/${c.conversationId}/messages`, { content: 'Alguma novidade?' });
    },
  },
  'GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages': {
    ...publicMessage('[].'),
    call: async () => {
      const c = await conversationScene();
      return visitor('GET', `${c.session}/conversations/${c.conversationId}/messages`);
    },
  },
  'PATCH /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}': {
    ...publicMessage(''),
    call: async () => {
      const c = await conversationScene();
      const question = await ok<{ id: number }>(
        as(c.account.agent.token, 'POST', `${c.url}/messages`, {
          content: 'Qual plano?',
          content_type: 'input_select',
          content_attributes: { items: [{ title: 'Pro', value: 'pro' }] },
        }),
      );
      return visitor('PATCH', `${c.session}/conversations/${c.conversationId}/messages/${question.id}`, { submitted_values: [{ title: 'Pro', value: 'pro' }] });
    },
  },

  // Account and profile
  'GET /api/v1/accounts/{id}': {
    absent: { 'custom_attributes.*': WHY.accountCustomAttributes },
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'GET', api(a));
    },
  },
  'PATCH /api/v1/accounts/{id}': {
    absent: { 'custom_attributes.*': WHY.accountCustomAttributes },
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'PATCH', api(a), { name: 'Acme Brasil', support_email: 'suporte@example.test', auto_resolve_after: 60 });
    },
  },
  'GET /api/v1/profile': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.agent.token, 'GET', '/api/v1/profile');
    },
  },

  // Agents
  'GET /api/v1/accounts/{account_id}/agents': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.agent.token, 'GET', api(a, '/agents'));
    },
  },
  'POST /api/v1/accounts/{account_id}/agents': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'POST', api(a, '/agents'), { name: 'Nova Agente', email: `nova-${unique()}@example.test`, role: 'agent' });
    },
  },
  'PATCH /api/v1/accounts/{account_id}/agents/{id}': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'PATCH', api(a, `/agents/${a.agent.id}`), { availability_status: 'busy' });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/agents/{id}': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'DELETE', api(a, `/agents/${a.agent.id}`));
    },
  },

  // Custom attribute definitions
  'GET /api/v1/accounts/{account_id}/custom_attribute_definitions': {
    differ: { '[].attribute_values': WHY.attributeValues },
    call: async () => {
      const d = await definitionScene();
      return as(d.account.agent.token, 'GET', api(d.account, '/custom_attribute_definitions?attribute_model=0'));
    },
  },
  'POST /api/v1/accounts/{account_id}/custom_attribute_definitions': {
    differ: { attribute_values: WHY.attributeValues },
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'POST', api(a, '/custom_attribute_definitions'), DEFINITION);
    },
  },
  'GET /api/v1/accounts/{account_id}/custom_attribute_definitions/{id}': {
    differ: { attribute_values: WHY.attributeValues },
    call: async () => {
      const d = await definitionScene();
      return as(d.account.agent.token, 'GET', api(d.account, `/custom_attribute_definitions/${d.id}`));
    },
  },
  'PATCH /api/v1/accounts/{account_id}/custom_attribute_definitions/{id}': {
    differ: { attribute_values: WHY.attributeValues },
    call: async () => {
      const d = await definitionScene();
      return as(d.account.admin.token, 'PATCH', api(d.account, `/custom_attribute_definitions/${d.id}`), { attribute_values: ['Ouro', 'Prata', 'Bronze'] });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/custom_attribute_definitions/{id}': {
    call: async () => {
      const d = await definitionScene();
      return as(d.account.admin.token, 'DELETE', api(d.account, `/custom_attribute_definitions/${d.id}`));
    },
  },

  // Custom filters
  'GET /api/v1/accounts/{account_id}/custom_filters': {
    call: async () => {
      const f = await filterScene();
      return as(f.account.agent.token, 'GET', api(f.account, '/custom_filters?filter_type=conversation'));
    },
  },
  'POST /api/v1/accounts/{account_id}/custom_filters': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.agent.token, 'POST', api(a, '/custom_filters'), SAVED_FILTER);
    },
  },
  'GET /api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}': {
    call: async () => {
      const f = await filterScene();
      return as(f.account.agent.token, 'GET', api(f.account, `/custom_filters/${f.id}`));
    },
  },
  'PATCH /api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}': {
    call: async () => {
      const f = await filterScene();
      return as(f.account.agent.token, 'PATCH', api(f.account, `/custom_filters/${f.id}`), { name: 'Abertas (todas)' });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}': {
    call: async () => {
      const f = await filterScene();
      return as(f.account.agent.token, 'DELETE', api(f.account, `/custom_filters/${f.id}`));
    },
  },

  // Canned responses
  'GET /api/v1/accounts/{account_id}/canned_responses': {
    call: async () => {
      const c = await cannedResponseScene();
      return as(c.account.agent.token, 'GET', api(c.account, '/canned_responses'));
    },
  },
  'POST /api/v1/accounts/{account_id}/canned_responses': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.agent.token, 'POST', api(a, '/canned_responses'), { short_code: 'ola', content: 'Olá, {{contact.name}}!' });
    },
  },
  'PATCH /api/v1/accounts/{account_id}/canned_responses/{id}': {
    call: async () => {
      const c = await cannedResponseScene();
      return as(c.account.agent.token, 'PATCH', api(c.account, `/canned_responses/${c.id}`), { content: 'Oi, {{contact.name}}!' });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/canned_responses/{id}': {
    call: async () => {
      const c = await cannedResponseScene();
      return as(c.account.agent.token, 'DELETE', api(c.account, `/canned_responses/${c.id}`));
    },
  },

  // Contacts
  'GET /api/v1/accounts/{account_id}/contacts': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.agent.token, 'GET', api(c.account, '/contacts'));
    },
  },
  'POST /api/v1/accounts/{account_id}/contacts': {
    absent: {
      id: 'Chatwoot answers a create with {payload: {contact, contact_inbox}}; the id is in payload.contact',
      availability_status: 'Chatwoot answers a create with {payload: {contact, contact_inbox}}; it is in payload.contact',
    },
    differ: { payload: 'Chatwoot answers a create with {payload: {contact, contact_inbox}}, one contact; the contract’s `contact` schema has a list of contacts there' },
    parts: [
      { path: 'payload.contact', schema: 'contact_list_item' },
      { path: 'payload.contact_inbox', schema: 'contact_inboxes' },
    ],
    call: async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { kind: 'api', memberIds: [a.agent.id] });
      return as(a.agent.token, 'POST', api(a, '/contacts'), {
        inbox_id: inbox.id,
        name: 'Joana Prado',
        email: `joana-${unique()}@example.test`,
        phone_number: '+5511987654321',
        additional_attributes: { city: 'São Paulo', country: 'Brasil', country_code: 'BR', created_at_ip: '203.0.113.7' },
      });
    },
  },
  'GET /api/v1/accounts/{account_id}/contacts/{id}': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.agent.token, 'GET', c.url);
    },
  },
  'PUT /api/v1/accounts/{account_id}/contacts/{id}': {
    status: { code: 200, reason: 'the contract documents 204 with a body, which HTTP does not allow; Chatwoot’s server answers 200 with {payload: contact}' },
    absent: { id: 'Chatwoot answers an update with {payload: contact}; the id is in payload' },
    differ: { payload: 'Chatwoot answers an update with {payload: contact}, one contact; the contract’s `contact` schema has a list of contacts there' },
    parts: [{ path: 'payload', schema: 'contact_list_item' }],
    call: async () => {
      const c = await contactScene();
      return as(c.account.agent.token, 'PUT', c.url, { name: 'Paula R. Reis', custom_attributes: { plan: 'enterprise' } });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/contacts/{id}': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.admin.token, 'DELETE', c.url);
    },
  },
  'GET /api/v1/accounts/{account_id}/contacts/{id}/conversations': {
    ...agentConversation('payload[].'),
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'GET', api(c.account, `/contacts/${c.contact.id}/conversations`));
    },
  },
  'GET /api/v1/accounts/{account_id}/contacts/{id}/labels': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.agent.token, 'GET', `${c.url}/labels`);
    },
  },
  'POST /api/v1/accounts/{account_id}/contacts/{id}/labels': {
    call: async () => {
      const c = await contactScene();
      await insertLabels(t.ctx, c.account.id, ['cliente']);
      return as(c.account.agent.token, 'POST', `${c.url}/labels`, { labels: ['vip', 'cliente'] });
    },
  },
  'GET /api/v1/accounts/{account_id}/contacts/search': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.agent.token, 'GET', api(c.account, '/contacts/search?q=paula'));
    },
  },
  'POST /api/v1/accounts/{account_id}/contacts/filter': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.agent.token, 'POST', api(c.account, '/contacts/filter'), {
        payload: [{ attribute_key: 'name', filter_operator: 'contains', values: ['Paula'], query_operator: null }],
      });
    },
  },
  'POST /api/v1/accounts/{account_id}/contacts/{id}/contact_inboxes': {
    call: async () => {
      const c = await contactScene();
      const second = await buildInbox(t.ctx, c.account.id, { kind: 'api' });
      return as(c.account.admin.token, 'POST', `${c.url}/contact_inboxes`, { inbox_id: second.id, source_id: `crm-${unique()}` });
    },
  },
  'GET /api/v1/accounts/{account_id}/contacts/{id}/contactable_inboxes': {
    call: async () => {
      const c = await contactScene();
      return as(c.account.admin.token, 'GET', `${c.url}/contactable_inboxes`);
    },
  },
  'POST /api/v1/accounts/{account_id}/actions/contact_merge': {
    absent: { payload: 'Chatwoot answers a merge with the base contact itself, not wrapped in payload' },
    parts: [{ path: '', schema: 'contact_list_item' }],
    call: async () => {
      const c = await contactScene();
      const mergee = await ok<{ id: number }>(
        visitor('POST', `${c.base}/contacts`, { name: 'Paula (outro e-mail)', email: `paula-${unique()}@example.test` }),
      );
      return as(c.account.agent.token, 'POST', api(c.account, '/actions/contact_merge'), { base_contact_id: c.contact.id, mergee_contact_id: mergee.id });
    },
  },

  // Conversations
  'GET /api/v1/accounts/{account_id}/conversations/meta': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'GET', api(c.account, '/conversations/meta'));
    },
  },
  'GET /api/v1/accounts/{account_id}/conversations': {
    ...agentConversation('data.payload[].'),
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'GET', api(c.account, '/conversations?assignee_type=all'));
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations': {
    call: async () => {
      const c = await visitorScene();
      return as(c.account.agent.token, 'POST', api(c.account, '/conversations'), {
        inbox_id: c.inbox.id,
        source_id: c.contact.source_id,
        message: { content: 'Olá! Como posso ajudar?' },
      });
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/filter': {
    ...agentConversation('data.payload[].'),
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'POST', api(c.account, '/conversations/filter'), {
        payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: null }],
      });
    },
  },
  'GET /api/v1/accounts/{account_id}/conversations/{conversation_id}': {
    ...agentConversation(''),
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'GET', c.url);
    },
  },
  'PATCH /api/v1/accounts/{account_id}/conversations/{conversation_id}': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'PATCH', c.url, { priority: 'high' });
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'POST', `${c.url}/toggle_status`, { status: 'resolved' });
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'POST', `${c.url}/toggle_priority`, { priority: 'urgent' });
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'POST', `${c.url}/custom_attributes`, { custom_attributes: { order_id: '123' } });
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments': {
    absent: fields(
      '',
      USER_FIELDS_NOT_SHOWN,
      WHY.assigneeAsUser,
    ),
    call: async () => {
      const c = await conversationScene();
      return as(c.account.admin.token, 'POST', `${c.url}/assignments`, { assignee_id: c.account.admin.id });
    },
  },
  'GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/labels': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'GET', `${c.url}/labels`);
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/labels': {
    call: async () => {
      const c = await conversationScene();
      await insertLabels(t.ctx, c.account.id, ['urgente']);
      return as(c.account.agent.token, 'POST', `${c.url}/labels`, { labels: ['pedido', 'urgente'] });
    },
  },

  // Messages
  'GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages': {
    absent: {
      'meta.contact.payload':
        'a conversation has one contact, sent here as the contact itself; the contract’s `contact` schema is the shape of a list ({payload: [contacts]})',
      'payload[].attachment': WHY.attachment,
    },
    differ: { 'payload[].sender_type': WHY.senderType },
    parts: [{ path: 'meta.contact', schema: 'contact_list_item', absent: { contact_inboxes: 'the conversation’s contact is shown without its inboxes (the conversation names its inbox)' } }],
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'GET', `${c.url}/messages`);
    },
  },
  'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages': {
    absent: { attachment: WHY.attachment },
    differ: { sender_type: WHY.senderType },
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'POST', `${c.url}/messages`, { content: 'Seu pedido saiu para entrega.' });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}': {
    call: async () => {
      const c = await conversationScene();
      return as(c.account.agent.token, 'DELETE', `${c.url}/messages/${c.replyId}`);
    },
  },

  // Inboxes
  'GET /api/v1/accounts/{account_id}/inboxes': {
    differ: { 'payload[].selected_feature_flags': WHY.featureFlags },
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'GET', api(s.account, '/inboxes'));
    },
  },
  'GET /api/v1/accounts/{account_id}/inboxes/{id}/': {
    differ: { selected_feature_flags: WHY.featureFlags },
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'GET', api(s.account, `/inboxes/${s.inbox.id}/`));
    },
  },
  'POST /api/v1/accounts/{account_id}/inboxes/': {
    differ: { selected_feature_flags: WHY.featureFlags },
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'POST', api(a, '/inboxes/'), { name: 'Site', channel: { type: 'web_widget', website_url: 'https://www.example.test' } });
    },
  },
  'PATCH /api/v1/accounts/{account_id}/inboxes/{id}': {
    differ: { selected_feature_flags: WHY.featureFlags },
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'PATCH', api(s.account, `/inboxes/${s.inbox.id}`), { name: 'Site novo', greeting_enabled: true, greeting_message: 'Olá!' });
    },
  },
  'GET /api/v1/accounts/{account_id}/inbox_members/{inbox_id}': {
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'GET', api(s.account, `/inbox_members/${s.inbox.id}`));
    },
  },
  'POST /api/v1/accounts/{account_id}/inbox_members': {
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'POST', api(s.account, '/inbox_members'), { inbox_id: s.inbox.id, user_ids: [s.account.admin.id] });
    },
  },
  'PATCH /api/v1/accounts/{account_id}/inbox_members': {
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'PATCH', api(s.account, '/inbox_members'), { inbox_id: s.inbox.id, user_ids: [s.account.admin.id] });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/inbox_members': {
    call: async () => {
      const s = await inboxScene();
      return as(s.account.admin.token, 'DELETE', api(s.account, '/inbox_members'), { inbox_id: s.inbox.id, user_ids: [s.account.agent.id] });
    },
  },

  // Teams
  'GET /api/v1/accounts/{account_id}/teams': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.agent.token, 'GET', api(s.account, '/teams'));
    },
  },
  'POST /api/v1/accounts/{account_id}/teams': {
    call: async () => {
      const a = await buildAccount(t.ctx);
      return as(a.admin.token, 'POST', api(a, '/teams'), { name: 'Suporte', description: 'Primeiro atendimento', allow_auto_assign: true });
    },
  },
  'GET /api/v1/accounts/{account_id}/teams/{team_id}': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.agent.token, 'GET', s.url);
    },
  },
  'PATCH /api/v1/accounts/{account_id}/teams/{team_id}': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.admin.token, 'PATCH', s.url, { description: 'Vendas e pós-venda' });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/teams/{team_id}': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.admin.token, 'DELETE', s.url);
    },
  },
  'GET /api/v1/accounts/{account_id}/teams/{team_id}/team_members': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.admin.token, 'GET', `${s.url}/team_members`);
    },
  },
  'POST /api/v1/accounts/{account_id}/teams/{team_id}/team_members': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.admin.token, 'POST', `${s.url}/team_members`, { user_ids: [s.account.admin.id] });
    },
  },
  'PATCH /api/v1/accounts/{account_id}/teams/{team_id}/team_members': {
    call: async () => {
      const s = await teamScene();
      const another = await buildUser(t.ctx, { accountId: s.account.id, role: 'agent' });
      return as(s.account.admin.token, 'PATCH', `${s.url}/team_members`, { user_ids: [s.account.agent.id, another.id] });
    },
  },
  'DELETE /api/v1/accounts/{account_id}/teams/{team_id}/team_members': {
    call: async () => {
      const s = await teamScene();
      return as(s.account.admin.token, 'DELETE', `${s.url}/team_members`, { user_ids: [s.account.agent.id] });
    },
  },
};

// ——— the tests ———

const split = (key: string) => key.split(' ') as [string, string];

/** The contract's operations RocketHub serves: matched by route shape with its own OpenAPI document. */
function implementedOperations() {
  const served = new Set(documentOperations(openApiDocument(t.app)).map((key) => routeShape(...split(key))));
  return contractOperations().filter((operation) => served.has(routeShape(...split(operation.key))));
}

describe('every implemented operation of the Chatwoot contract answers in the contract’s shape', () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has an entry for every implemented operation, and none for an operation that is not', () => {
    const implemented = implementedOperations().map((operation) => operation.key);
    expect(implemented.length).toBeGreaterThan(0);
    expect(implemented.filter((key) => !(key in OPERATIONS)), 'implemented operations without an entry in OPERATIONS').toEqual([]);
    expect(Object.keys(OPERATIONS).filter((key) => !implemented.includes(key)), 'entries for operations RocketHub does not serve or the contract does not have').toEqual([]);
  });

  const contract = new Map(contractOperations().map((operation) => [operation.key, operation]));
  for (const [key, operation] of Object.entries(OPERATIONS)) {
    it(key, async () => {
      const documented = contract.get(key);
      if (!documented) throw new Error(`the contract has no operation ${key}`);
      if (operation.status) {
        if (operation.status.reason.trim().length < 10) throw new Error(`give a real reason for the status of ${key}`);
        if (operation.status.code === documented.status) throw new Error(`${key}: the status declared is the contract's own (stale)`);
      }
      const res = await operation.call();
      expect(res.statusCode, `status (body ${res.body.slice(0, 500)})`).toBe(operation.status?.code ?? documented.status);
      expect(res.headers['content-type'], 'a JSON body').toMatch(/^application\/json/);
      const body: unknown = res.json();
      const { absent, differ, empty } = operation;
      const problems = contractResponseProblems(body, documented.schema, { absent, differ, empty });
      for (const part of operation.parts ?? []) {
        const values = valuesAt(body, part.path);
        expect(values.length, `values at ${part.path}`).toBeGreaterThan(0);
        for (const value of values) {
          const found = contractResponseProblems(value, { $ref: `#/components/schemas/${part.schema}` }, part);
          problems.push(...found.map((problem) => `${part.path || '(the body)'} as ${part.schema}: ${problem}`));
        }
      }
      expect([...new Set(problems)], `departures from the contract in ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
    });
  }
});

/** The checker must notice what it is meant to notice, or the table above proves nothing. */
describe('the contract response checker', () => {
  const team = { $ref: '#/components/schemas/team' };
  const aTeam = { id: 1, name: 'Suporte', description: null, allow_auto_assign: true, account_id: 2, is_member: false };
  const reason = 'a reason long enough to count';

  it('passes an answer with every field of the right type (nulls allowed) and extra fields', () => {
    expect(contractResponseProblems({ ...aTeam, extra: 'ignored' }, team)).toEqual([]);
    expect(contractResponseProblems({ anything: 1 }, undefined)).toEqual([]);
  });

  it('reports missing fields, wrong JSON types, values outside an enum and empty lists of described items', () => {
    const { name: _name, ...nameless } = aTeam;
    expect(contractResponseProblems(nameless, team)).toEqual(['name: missing']);
    expect(contractResponseProblems({ ...aTeam, id: '1' }, team)).toEqual([expect.stringMatching(/^id: the contract says number, the response has string/)]);
    expect(contractResponseProblems([aTeam], team)).toEqual([expect.stringMatching(/^\(the body\): the contract says object/)]);
    const agent = { $ref: '#/components/schemas/agent' };
    expect(contractResponseProblems({ id: 1, availability_status: 'away' }, agent)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^availability_status: "away" is not one of/), 'email: missing']),
    );
    const list = { $ref: '#/components/schemas/contacts_list_response' };
    expect(contractResponseProblems({ meta: { count: 0, current_page: '1' }, payload: [] }, list)).toEqual([
      'payload: empty, so the fields of its items go unchecked',
    ]);
    expect(contractResponseProblems({ meta: { count: 1.5, current_page: '1' }, payload: [] }, list, { empty: { payload: reason } })).toEqual([
      expect.stringMatching(/^meta\.count: the contract says integer/),
    ]);
  });

  it('accepts declared departures only with a reason, and reports those the answer does not need', () => {
    const { name: _name, ...nameless } = aTeam;
    expect(contractResponseProblems(nameless, team, { absent: { name: reason } })).toEqual([]);
    expect(contractResponseProblems({ ...aTeam, id: '1' }, team, { differ: { id: reason } })).toEqual([]);
    expect(contractResponseProblems(nameless, team, { absent: { name: 'short' } })).toEqual(['absent name: give a real reason']);
    expect(contractResponseProblems(aTeam, team, { absent: { name: reason }, differ: { id: reason } })).toEqual([
      'absent name: declared, but the response does not need it (stale)',
      'differ id: declared, but the response does not need it (stale)',
    ]);
  });

  it('matches routes by shape: parameter names and trailing slashes do not matter', () => {
    expect(routeShape('get', '/api/v1/accounts/{id}')).toBe(routeShape('GET', '/api/v1/accounts/{account_id}/'));
    expect(routeShape('GET', '/api/v1/accounts/{id}')).not.toBe(routeShape('PATCH', '/api/v1/accounts/{id}'));
  });
});

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { conversationSchema } from '../conversations/schemas';
import { presentMany } from '../conversations/service';
import { presentContact, presentContactInbox, presentInboxSlim, presentNote } from './presenter';
import {
  contactEnvelope,
  contactInboxBody,
  contactInboxSchema,
  contactListSchema,
  contactParams,
  contactSchema,
  createBody,
  createdContactSchema,
  filterBody,
  filterQuery,
  labelsBody,
  labelsSchema,
  listQuery,
  mergeBody,
  noteBody,
  noteParams,
  noteSchema,
  searchQuery,
  successSchema,
  tags,
  updateBody,
} from './schemas';
import * as contacts from './service';

const CONTACTS = '/api/v1/accounts/:account_id/contacts';
const CONTACT = `${CONTACTS}/:id`;

function presentList(list: contacts.ContactList, page: number) {
  return {
    meta: { count: list.count, current_page: String(page) },
    payload: list.contacts.map((c) => presentContact(c.contact, c.contactInboxes)),
  };
}

const presentOne = (found: contacts.ContactWithInboxes) => presentContact(found.contact, found.contactInboxes);

export function contactRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    CONTACTS,
    {
      schema: {
        tags,
        summary: 'List contacts',
        description:
          'Contacts with an email, phone number or identifier (Chatwoot’s “resolved” contacts), 15 a page, most recently active first unless `sort` says otherwise. `labels[]` keeps contacts with any of those labels.',
        params: accountParams,
        querystring: listQuery,
        response: { 200: contactListSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      const q = request.query;
      const list = await contacts.listContacts(ctx, { accountId: membership.accountId, labels: q.labels, sort: q.sort, page: q.page });
      return presentList(list, q.page);
    },
  );

  r.post(
    CONTACTS,
    {
      schema: {
        tags,
        summary: 'Create a contact',
        description:
          'Email (any case), phone number (E.164) and identifier are each unique in the account. With `inbox_id` (a website or API inbox you work in) the contact also gets a contact inbox there with a generated `source_id`.',
        params: accountParams,
        body: createBody,
        response: { 200: createdContactSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const b = request.body;
      const created = await contacts.createContact(ctx, membership, {
        inboxId: b.inbox_id,
        name: b.name,
        email: b.email,
        phoneNumber: b.phone_number,
        identifier: b.identifier,
        blocked: b.blocked,
        avatarUrl: b.avatar_url,
        additionalAttributes: b.additional_attributes,
        customAttributes: b.custom_attributes,
      });
      return {
        payload: {
          contact: presentOne(created),
          contact_inbox: created.contactInbox
            ? { inbox: presentInboxSlim(created.contactInbox.inbox), source_id: created.contactInbox.sourceId }
            : { inbox: null, source_id: null },
        },
      };
    },
  );

  r.get(
    `${CONTACTS}/search`,
    {
      schema: {
        tags,
        summary: 'Search contacts',
        description:
          'Finds `q` anywhere in the name, email, phone number or identifier, ignoring case and accents. Exact matches come first, then matches at the start of a field, then at the start of a word of the name; within those, `sort` (name by default).',
        params: accountParams,
        querystring: searchQuery,
        response: { 200: contactListSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      const q = request.query;
      const list = await contacts.searchContacts(ctx, { accountId: membership.accountId, q: q.q, sort: q.sort, page: q.page });
      return presentList(list, q.page);
    },
  );

  r.post(
    `${CONTACTS}/filter`,
    {
      schema: {
        tags,
        summary: 'Filter contacts',
        description:
          'Conditions on name, email, phone_number, identifier, country_code, country, city, company, created_at, last_activity_at, labels, blocked, or a custom attribute (`attribute_model: custom_attribute`). Operators: equal_to, not_equal_to, contains, does_not_contain, is_present, is_not_present, is_greater_than, is_less_than, days_before. Each `query_operator` joins a condition to the next; AND binds tighter than OR, as in Chatwoot. Text compares ignore case (contains also accents); dates are UTC days (YYYY-MM-DD).',
        params: accountParams,
        querystring: filterQuery,
        body: filterBody,
        response: { 200: contactListSchema, ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      const q = request.query;
      const list = await contacts.filterContacts(ctx, { accountId: membership.accountId, payload: request.body.payload, sort: q.sort, page: q.page });
      return presentList(list, q.page);
    },
  );

  r.get(
    CONTACT,
    {
      schema: {
        tags,
        summary: 'Show a contact',
        params: contactParams,
        response: { 200: contactEnvelope, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      return { payload: presentOne(await contacts.getContact(ctx, membership.accountId, request.params.id)) };
    },
  );

  r.route({
    method: ['PUT', 'PATCH'],
    url: CONTACT,
    schema: {
      tags,
      summary: 'Update a contact',
      description: 'Only the fields sent change. `additional_attributes` and `custom_attributes` are merged into the stored ones key by key.',
      params: contactParams,
      body: updateBody,
      response: { 200: contactEnvelope, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const b = request.body;
      const updated = await contacts.updateContact(ctx, membership.accountId, request.params.id, {
        name: b.name,
        email: b.email,
        phoneNumber: b.phone_number,
        identifier: b.identifier,
        blocked: b.blocked,
        avatarUrl: b.avatar_url,
        additionalAttributes: b.additional_attributes,
        customAttributes: b.custom_attributes,
      });
      return { payload: presentOne(updated) };
    },
  });

  r.delete(
    CONTACT,
    {
      schema: {
        tags,
        summary: 'Delete a contact (administrators)',
        description: 'Its conversations, their messages, its contact inboxes and notes are deleted with it.',
        params: contactParams,
        response: { 200: successSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.delete');
      await contacts.deleteContact(ctx, membership.accountId, request.params.id);
      return { success: true as const };
    },
  );

  r.get(
    `${CONTACT}/conversations`,
    {
      schema: {
        tags,
        summary: 'The contact’s conversations',
        description: 'The 20 most recently active conversations of the contact in inboxes you may see.',
        params: contactParams,
        response: { 200: z.object({ payload: z.array(conversationSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      const found = await contacts.listContactConversations(ctx, membership, request.params.id);
      return { payload: await presentMany(ctx.db, found.conversations) };
    },
  );

  r.get(
    `${CONTACT}/labels`,
    {
      schema: { tags, summary: 'The contact’s labels', params: contactParams, response: { 200: labelsSchema, ...errorResponses(401, 404) } },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      return { payload: await contacts.getContactLabels(ctx, membership.accountId, request.params.id) };
    },
  );

  r.post(
    `${CONTACT}/labels`,
    {
      schema: {
        tags,
        summary: 'Replace the contact’s labels',
        description: 'The contact ends up with exactly these labels; each must be a label of the account.',
        params: contactParams,
        body: labelsBody,
        response: { 200: labelsSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      return { payload: await contacts.setContactLabels(ctx, membership.accountId, request.params.id, request.body.labels) };
    },
  );

  r.post(
    `${CONTACT}/contact_inboxes`,
    {
      schema: {
        tags,
        summary: 'Make the contact known to an inbox',
        description: '`source_id` is the channel’s id for the contact, unique in the inbox; one is generated when absent.',
        params: contactParams,
        body: contactInboxBody,
        response: { 200: contactInboxSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const created = await contacts.createContactInbox(ctx, membership, {
        contactId: request.params.id,
        inboxId: request.body.inbox_id,
        sourceId: request.body.source_id,
      });
      return presentContactInbox(created);
    },
  );

  r.get(
    `${CONTACT}/contactable_inboxes`,
    {
      schema: {
        tags,
        summary: 'Inboxes you may reach the contact through',
        description:
          'Your API inboxes (with the contact’s source id there, or a new one to start a conversation with) and the website inboxes the contact has visited.',
        params: contactParams,
        response: { 200: z.object({ payload: z.array(contactInboxSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      return { payload: (await contacts.listContactableInboxes(ctx, membership, request.params.id)).map(presentContactInbox) };
    },
  );

  r.get(
    `${CONTACT}/notes`,
    {
      schema: {
        tags,
        summary: 'The notes about the contact, newest first',
        params: contactParams,
        response: { 200: z.array(noteSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.read');
      return (await contacts.listNotes(ctx, membership.accountId, request.params.id)).map(presentNote);
    },
  );

  r.post(
    `${CONTACT}/notes`,
    {
      schema: {
        tags,
        summary: 'Write a note about the contact',
        description: 'Notes are seen by the account’s agents only.',
        params: contactParams,
        body: noteBody,
        response: { 200: noteSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { actor, membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const note = await contacts.createNote(ctx, {
        accountId: membership.accountId,
        contactId: request.params.id,
        userId: actor.user.id,
        content: request.body.content,
      });
      return presentNote(note);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${CONTACT}/notes/:note_id`,
    schema: {
      tags,
      summary: 'Change a note',
      params: noteParams,
      body: noteBody,
      response: { 200: noteSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const p = request.params;
      return presentNote(await contacts.updateNote(ctx, { accountId: membership.accountId, contactId: p.id, noteId: p.note_id, content: request.body.content }));
    },
  });

  r.delete(
    `${CONTACT}/notes/:note_id`,
    {
      schema: { tags, summary: 'Delete a note', params: noteParams, response: { 200: successSchema, ...errorResponses(401, 403, 404) } },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const p = request.params;
      await contacts.deleteNote(ctx, { accountId: membership.accountId, contactId: p.id, noteId: p.note_id });
      return { success: true as const };
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/actions/contact_merge',
    {
      schema: {
        tags,
        summary: 'Merge two contacts',
        description:
          'The base contact keeps its values and takes the mergee’s where it has none; attributes are merged (the base’s win), labels united (`prefer_mergee` names fields where the mergee’s value wins instead), and the mergee’s conversations, contact inboxes and notes move to it. The mergee is then deleted. One transaction.',
        params: accountParams,
        body: mergeBody,
        response: { 200: contactSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.manage');
      const merged = await contacts.mergeContacts(ctx, membership.accountId, request.body.base_contact_id, request.body.mergee_contact_id, request.body.prefer_mergee);
      return presentOne(merged);
    },
  );
}

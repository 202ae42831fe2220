import type { AppContext } from '../../context';
import { presentContactSender } from '../conversations/presenter';
import type { Member } from '../conversations/member';
import { presentMany } from '../conversations/service';
import { inboxAccess } from '../inboxes/access';
import { presentMessagesAcross } from '../messages/service';
import { likeContains, prefixTsQuery, searchWords } from './query-text';
import * as repository from './repository';

export const PAGE_SIZE = 15;
/**
 * Message search first walks the account's newest messages (this many): frequent words fill a
 * page there at once. When they do not, the words are rare, and the older history is searched
 * through the text index in one pass (its matches are few).
 */
const RECENT_MESSAGES = 20_000;
/** How many contacts' conversations a conversation search looks at. */
const CONTACTS_FOR_CONVERSATIONS = 100;

async function visibleInboxIds(ctx: AppContext, member: Member) {
  const access = await inboxAccess(ctx.db, member);
  return access.all ? undefined : access.inboxIds;
}

export async function searchContacts(ctx: AppContext, member: Member, q: string, page = 1) {
  const text = q.trim();
  if (text === '') return [];
  const rows = await repository.searchContacts(ctx.db, member.accountId, likeContains(text), PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return rows.map(presentContactSender);
}

/**
 * Messages containing every word (prefixes too), accent- and case-insensitive, newest first,
 * across the account's whole history.
 */
async function findMessages(ctx: AppContext, member: Member, q: string, wanted: number, inboxIds: number[] | undefined) {
  const words = searchWords(q);
  if (words.length === 0) return [];
  const query = prefixTsQuery(words);
  const boundary = await repository.messageTimeBack(ctx.db, member.accountId, RECENT_MESSAGES);
  const found = await repository.searchMessagesBetween(ctx.db, member.accountId, query, { after: boundary }, wanted, inboxIds, 'newest-first');
  if (found.length < wanted && boundary) {
    const older = await repository.searchMessagesBetween(ctx.db, member.accountId, query, { upTo: boundary }, wanted - found.length, inboxIds, 'text-index');
    found.push(...older);
  }
  return found;
}

export async function searchMessages(ctx: AppContext, member: Member, q: string, page = 1) {
  const inboxIds = await visibleInboxIds(ctx, member);
  const rows = (await findMessages(ctx, member, q, page * PAGE_SIZE, inboxIds)).slice((page - 1) * PAGE_SIZE);
  const conversations = new Map((await repository.conversationsByIds(ctx.db, [...new Set(rows.map((m) => m.conversationId))])).map((c) => [c.id, c]));
  return presentMessagesAcross(ctx.db, rows, conversations);
}

/** Conversations by number, by their contact's name/email/phone/identifier, or by words in their messages. */
export async function searchConversations(ctx: AppContext, member: Member, q: string, page = 1) {
  const text = q.trim().replace(/^#/, '');
  if (text === '') return [];
  const inboxIds = await visibleInboxIds(ctx, member);
  const displayId = /^\d{1,9}$/.test(text) ? Number(text) : undefined;
  const [contactRows, messageRows] = await Promise.all([
    repository.searchContacts(ctx.db, member.accountId, likeContains(text), CONTACTS_FOR_CONVERSATIONS),
    findMessages(ctx, member, text, PAGE_SIZE * page, inboxIds),
  ]);
  const rows = await repository.conversationsOf(
    ctx.db,
    member.accountId,
    { displayId, contactIds: contactRows.map((c) => c.id), conversationIds: [...new Set(messageRows.map((m) => m.conversationId))] },
    inboxIds,
    PAGE_SIZE,
    (page - 1) * PAGE_SIZE,
  );
  return presentMany(ctx.db, rows);
}

export async function searchEverything(ctx: AppContext, member: Member, q: string) {
  const [conversations, contacts, messages] = await Promise.all([
    searchConversations(ctx, member, q),
    searchContacts(ctx, member, q),
    searchMessages(ctx, member, q),
  ]);
  return { payload: { conversations, contacts, messages } };
}

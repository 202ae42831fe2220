import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../db/schema';
import { buildAccount } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type ConversationRow, listConversations, SORTS, type SortKey } from './repository';

type Row = Pick<ConversationRow, 'id' | 'lastActivityAt' | 'createdAt' | 'priority' | 'waitingSince'>;

/** The orders as the contract describes them, written independently of the SQL. */
const time = (d: Date | null) => (d ? d.getTime() : null);
function compareNullable(a: number | null, b: number | null, direction: 1 | -1, nulls: 'first' | 'last') {
  if (a === b) return 0;
  if (a === null) return nulls === 'first' ? -1 : 1;
  if (b === null) return nulls === 'first' ? 1 : -1;
  return (a - b) * direction;
}
const ORDERS: Record<SortKey, (a: Row, b: Row) => number> = {
  last_activity_at_desc: (a, b) => compareNullable(time(a.lastActivityAt), time(b.lastActivityAt), -1, 'last') || b.id - a.id,
  last_activity_at_asc: (a, b) => compareNullable(time(a.lastActivityAt), time(b.lastActivityAt), 1, 'last') || a.id - b.id,
  created_at_desc: (a, b) => compareNullable(time(a.createdAt), time(b.createdAt), -1, 'last') || b.id - a.id,
  created_at_asc: (a, b) => compareNullable(time(a.createdAt), time(b.createdAt), 1, 'last') || a.id - b.id,
  priority_desc: (a, b) => compareNullable(a.priority, b.priority, -1, 'last') || compareNullable(time(a.lastActivityAt), time(b.lastActivityAt), -1, 'last') || b.id - a.id,
  priority_asc: (a, b) => compareNullable(a.priority, b.priority, 1, 'first') || compareNullable(time(a.lastActivityAt), time(b.lastActivityAt), 1, 'last') || a.id - b.id,
  waiting_since_desc: (a, b) => compareNullable(time(a.waitingSince), time(b.waitingSince), -1, 'last') || b.id - a.id,
  waiting_since_asc: (a, b) => compareNullable(time(a.waitingSince), time(b.waitingSince), 1, 'last') || a.id - b.id,
};

describe('conversation list order across every status', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('pages through all statuses in each of the 8 orders, ties and nulls included, as one sorted list would', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id);
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const statuses = ['open', 'resolved', 'pending', 'snoozed'] as const;
    const base = Date.UTC(2026, 0, 1);
    const rows = await t.ctx.db
      .insert(conversations)
      .values(
        Array.from({ length: 23 }, (_, i) => ({
          accountId: account.id,
          inboxId: inbox.id,
          contactId: contact.id,
          displayId: i + 1,
          status: statuses[(i * 7) % 4]!,
          // Repeated times and priorities make the id the tie-breaker; some priorities and waits are empty.
          lastActivityAt: new Date(base + ((i * 5) % 9) * 60_000),
          createdAt: new Date(base + ((i * 3) % 11) * 60_000),
          priority: i % 4 === 0 ? null : (i % 3) + 1,
          waitingSince: i % 3 === 0 ? null : new Date(base + ((i * 2) % 5) * 60_000),
          assigneeId: i % 2 === 0 ? account.agent.id : null,
        })),
      )
      .returning();
    const scope = { accountId: account.id, status: 'all' as const };
    for (const sort of Object.keys(SORTS) as SortKey[]) {
      const expected = [...rows].sort(ORDERS[sort]).map((r) => r.id);
      const paged: number[] = [];
      for (let offset = 0; offset < rows.length; offset += 5) {
        paged.push(...(await listConversations(t.ctx.db, scope, { kind: 'all' }, sort, { limit: 5, offset })).map((r) => r.id));
      }
      expect(paged, sort).toEqual(expected);
      // "Minhas" (read by the assignee index, then sorted) keeps the same order, across statuses and in one.
      const mine = expected.filter((id) => rows.find((r) => r.id === id)!.assigneeId === account.agent.id);
      const minePaged: number[] = [];
      for (let offset = 0; offset < mine.length; offset += 4) {
        minePaged.push(...(await listConversations(t.ctx.db, scope, { kind: 'me', userId: account.agent.id }, sort, { limit: 4, offset })).map((r) => r.id));
      }
      expect(minePaged, `${sort} mine`).toEqual(mine);
      const mineOpen = await listConversations(t.ctx.db, { ...scope, status: 'open' }, { kind: 'me', userId: account.agent.id }, sort, { limit: 50, offset: 0 });
      expect(mineOpen.map((r) => r.id), `${sort} mine open`).toEqual(mine.filter((id) => rows.find((r) => r.id === id)!.status === 'open'));
      expect(mineOpen[0]?.lastActivityAt).toBeInstanceOf(Date);
      // One status alone keeps the same order.
      const resolved = await listConversations(t.ctx.db, { ...scope, status: 'resolved' }, { kind: 'all' }, sort, { limit: 50, offset: 0 });
      expect(resolved.map((r) => r.id), `${sort} resolved`).toEqual(expected.filter((id) => rows.find((r) => r.id === id)!.status === 'resolved'));
    }
  });
});

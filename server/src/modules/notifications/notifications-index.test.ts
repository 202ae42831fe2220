import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildConversationRow } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { countUnread, listNotificationsQuery } from './repository';

/** The notification center stays an index walk however many notifications a user has (plans, not timings). */
describe('notifications list plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reads a page’s ids newest first from notifications_list_idx alone, and counts unread ones from the partial index alone', async () => {
    const account = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const conversation = await buildConversationRow(t.ctx, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
    // 20,000 for the agent (a tenth unread), and as many for others, so the table is not just theirs.
    for (const [userId, accountId] of [
      [account.agent.id, account.id],
      [other.agent.id, other.id],
    ] as const) {
      await t.ctx.db.execute(sql`
        INSERT INTO notifications (account_id, user_id, notification_type, conversation_id, event_id, last_activity_at, read_at)
        SELECT ${accountId}, ${userId}, 'conversation_assignment', ${conversation.id}, ${userId} * 1000000 + g,
               now() - g * interval '1 minute', CASE WHEN g % 10 = 0 THEN NULL ELSE now() END
        FROM generate_series(1, 20000) AS g`);
    }
    // As autovacuum leaves it (statistics, visibility map for index-only scans).
    await t.ctx.db.execute(sql`VACUUM ANALYZE notifications`);
    const filter = { userId: account.agent.id, accountId: account.id, includeRead: true, includeSnoozed: false };
    const plan = (await queryRows<{ 'QUERY PLAN': string }>(t.ctx.db, sql`EXPLAIN ${listNotificationsQuery(t.ctx.db, filter, 'desc', 15, 30)}`))
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    // The page's ids from the index alone (no sort of the user's rows), then 15 rows by primary key.
    expect(plan).toMatch(/Index Only Scan Backward using notifications_list_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan.match(/\bSort {2}\(/g) ?? []).toHaveLength(1);
    const rows = await listNotificationsQuery(t.ctx.db, filter, 'desc', 15, 0);
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => r.lastActivityAt.getTime())).toEqual([...rows.map((r) => r.lastActivityAt.getTime())].sort((a, b) => b - a));
    expect(await countUnread(t.ctx.db, account.agent.id, account.id)).toBe(2000);
    const unreadPlan = (
      await queryRows<{ 'QUERY PLAN': string }>(
        t.ctx.db,
        sql`EXPLAIN SELECT count(*) FROM notifications WHERE user_id = ${account.agent.id} AND account_id = ${account.id} AND read_at IS NULL AND snoozed_until IS NULL`,
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(unreadPlan).toMatch(/Index Only Scan using notifications_unread_idx/);
  });
});

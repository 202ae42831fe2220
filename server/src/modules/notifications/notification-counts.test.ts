import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildConversationRow } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/client';
import { conversations } from '../../db/schema';
import * as repository from './repository';

/**
 * The counts the list's meta and the badge read (one row per user and account, kept by triggers)
 * always equal counting the notifications themselves, whatever changed them: inserts, read and
 * unread, snooze and its return, deletes, purges, a conversation deleted with its notifications.
 */
describe('notification counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const FILTERS = [
    { includeRead: true, includeSnoozed: false },
    { includeRead: true, includeSnoozed: true },
    { includeRead: false, includeSnoozed: false },
    { includeRead: false, includeSnoozed: true },
  ];

  /** What the repository answers against a count(*) of the rows, for every list filter and the badge. */
  async function countsOf(userId: number, accountId: number) {
    const kept: number[] = [];
    const counted: number[] = [];
    for (const f of FILTERS) {
      kept.push(await repository.countNotifications(t.ctx.db, { userId, accountId, ...f }));
      const [row] = await queryRows<{ n: number }>(
        t.ctx.db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND account_id = ${accountId}
            AND (${f.includeRead} OR read_at IS NULL) AND (${f.includeSnoozed} OR snoozed_until IS NULL)`,
      );
      counted.push(row!.n);
    }
    kept.push(await repository.countUnread(t.ctx.db, userId, accountId), await repository.countAll(t.ctx.db, userId, accountId));
    counted.push(counted[2]!, counted[1]!);
    return { kept, counted };
  }

  it('match counting the rows after every kind of change', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const first = await buildConversationRow(t.ctx, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
    const second = await buildConversationRow(t.ctx, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
    const people = [account.agent.id, account.admin.id];
    const check = async (step: string) => {
      for (const userId of people) {
        const { kept, counted } = await countsOf(userId, account.id);
        expect(kept, `${step}, user ${userId}`).toEqual(counted);
      }
    };

    await check('none yet');
    // 30 per person over two conversations, a third already read; one statement for both people.
    await t.ctx.db.execute(sql`
      INSERT INTO notifications (account_id, user_id, notification_type, conversation_id, event_id, read_at, created_at)
      SELECT ${account.id}, u, 'conversation_creation', CASE WHEN g % 2 = 0 THEN ${first.id}::bigint ELSE ${second.id}::bigint END,
             900000000 + g, CASE WHEN g % 3 = 0 THEN now() END, now() - g * interval '1 day'
      FROM generate_series(1, 30) AS g, unnest(${`{${people.join(',')}}`}::bigint[]) AS u`);
    await check('inserted');
    const mine = await repository.listNotifications(t.ctx.db, { userId: account.agent.id, accountId: account.id, includeRead: true, includeSnoozed: true }, 'desc', 30, 0);
    expect(mine).toHaveLength(30);
    // A repeated delivery inserts nothing.
    await repository.insertNotifications(t.ctx.db, [{ ...mine[0]!, id: undefined }]);
    await check('inserted twice');

    await repository.updateNotification(t.ctx.db, mine[0]!.id, { readAt: mine[0]!.readAt ? null : new Date() });
    await repository.updateNotification(t.ctx.db, mine[1]!.id, { snoozedUntil: new Date(Date.now() - 1000) });
    await repository.updateNotification(t.ctx.db, mine[2]!.id, { snoozedUntil: new Date(Date.now() + 86_400_000), readAt: new Date() });
    await repository.updateNotification(t.ctx.db, mine[3]!.id, { emailPending: true });
    await check('read, unread, snoozed');
    await repository.claimPendingEmails(t.ctx.db, account.agent.id, mine[3]!.conversationId);
    await check('pending email claimed');
    await repository.unsnoozeDue(t.ctx.db, new Date(), 10);
    await check('snoozed one back');
    await repository.markAllRead(t.ctx.db, account.agent.id, account.id, first.id);
    await check('one conversation read');
    await repository.deleteNotification(t.ctx.db, mine[4]!.id);
    await repository.deleteAll(t.ctx.db, account.admin.id, account.id, true);
    await check('deleted one, and all read ones');
    await repository.purgeOlderThan(t.ctx.db, new Date(Date.now() - 20 * 86_400_000), 1000);
    await check('purged the old');
    await t.ctx.db.delete(conversations).where(eq(conversations.id, second.id));
    await check('a conversation deleted with its notifications');
    await repository.markAllRead(t.ctx.db, account.agent.id, account.id);
    await repository.deleteAll(t.ctx.db, account.agent.id, account.id, false);
    await check('all read, all deleted');
    expect(await repository.countAll(t.ctx.db, account.agent.id, account.id)).toBe(0);
  });
});

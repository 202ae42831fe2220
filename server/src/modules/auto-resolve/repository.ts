import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';

export type AutoResolveAccount = { id: number; minutes: number; message: string | null; label: string | null; ignoreWaiting: boolean };

/** Accounts with auto-resolve turned on (`auto_resolve_after` minutes set). */
export async function listAccounts(db: Executor): Promise<AutoResolveAccount[]> {
  const rows = await queryRows<{ id: string; minutes: string; message: string | null; label: string | null; ignore_waiting: boolean | null }>(
    db,
    sql`SELECT id, settings->>'auto_resolve_after' AS minutes, settings->>'auto_resolve_message' AS message,
          settings->>'auto_resolve_label' AS label, (settings->>'auto_resolve_ignore_waiting')::boolean AS ignore_waiting
        FROM accounts
        WHERE status = 'active' AND jsonb_typeof(settings->'auto_resolve_after') = 'number' AND (settings->>'auto_resolve_after')::numeric > 0`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    minutes: Math.floor(Number(r.minutes)),
    message: r.message && r.message.trim() !== '' ? r.message : null,
    label: r.label && r.label !== '' ? r.label : null,
    ignoreWaiting: r.ignore_waiting === true,
  }));
}

/**
 * Open conversations of the account without activity since `before`, oldest first (the list
 * index on account, status, last activity). With `ignoreWaiting`, those waiting for an agent's reply are left.
 */
export async function listInactive(db: Executor, accountId: number, before: Date, ignoreWaiting: boolean, limit: number): Promise<number[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM conversations
        WHERE account_id = ${accountId} AND status = 'open' AND last_activity_at < ${before.toISOString()}
          ${ignoreWaiting ? sql`AND waiting_since IS NULL` : sql``}
        ORDER BY last_activity_at, id LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.id));
}

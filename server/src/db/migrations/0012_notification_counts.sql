CREATE TABLE "notification_counts" (
	"user_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"snoozed" integer DEFAULT 0 NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL,
	"unread_active" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "notification_counts_user_id_account_id_pk" PRIMARY KEY("user_id","account_id")
);
--> statement-breakpoint
DROP INDEX "notifications_list_idx";--> statement-breakpoint
DROP INDEX "notifications_unread_idx";--> statement-breakpoint
CREATE INDEX "notifications_list_idx" ON "notifications" USING btree ("user_id","account_id","last_activity_at","id","read_at","snoozed_until");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","account_id","last_activity_at","id") WHERE "notifications"."read_at" IS NULL AND "notifications"."snoozed_until" IS NULL;--> statement-breakpoint
-- Per-user counts kept in step with notifications by statement triggers (the changed rows of a
-- statement, grouped by user: one upsert per user and statement; updates that change no count,
-- such as claiming pending emails, write nothing). Users in a fixed order, so two statements never
-- wait on each other's rows crosswise.
CREATE FUNCTION notification_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_counts AS c (user_id, account_id, total, snoozed, unread, unread_active)
  SELECT user_id, account_id,
         sum(sign),
         sum(CASE WHEN snoozed_until IS NOT NULL THEN sign ELSE 0 END),
         sum(CASE WHEN read_at IS NULL THEN sign ELSE 0 END),
         sum(CASE WHEN read_at IS NULL AND snoozed_until IS NULL THEN sign ELSE 0 END)
  FROM (SELECT user_id, account_id, 1 AS sign, read_at, snoozed_until FROM new_rows) AS changes
  GROUP BY user_id, account_id
  HAVING sum(sign) <> 0
      OR sum(CASE WHEN snoozed_until IS NOT NULL THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN read_at IS NULL THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN read_at IS NULL AND snoozed_until IS NULL THEN sign ELSE 0 END) <> 0
  ORDER BY user_id, account_id
  ON CONFLICT (user_id, account_id) DO UPDATE SET
    total = c.total + excluded.total,
    snoozed = c.snoozed + excluded.snoozed,
    unread = c.unread + excluded.unread,
    unread_active = c.unread_active + excluded.unread_active;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION notification_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_counts AS c (user_id, account_id, total, snoozed, unread, unread_active)
  SELECT user_id, account_id,
         sum(sign),
         sum(CASE WHEN snoozed_until IS NOT NULL THEN sign ELSE 0 END),
         sum(CASE WHEN read_at IS NULL THEN sign ELSE 0 END),
         sum(CASE WHEN read_at IS NULL AND snoozed_until IS NULL THEN sign ELSE 0 END)
  FROM (SELECT user_id, account_id, 1 AS sign, read_at, snoozed_until FROM new_rows UNION ALL SELECT user_id, account_id, -1 AS sign, read_at, snoozed_until FROM old_rows) AS changes
  GROUP BY user_id, account_id
  HAVING sum(sign) <> 0
      OR sum(CASE WHEN snoozed_until IS NOT NULL THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN read_at IS NULL THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN read_at IS NULL AND snoozed_until IS NULL THEN sign ELSE 0 END) <> 0
  ORDER BY user_id, account_id
  ON CONFLICT (user_id, account_id) DO UPDATE SET
    total = c.total + excluded.total,
    snoozed = c.snoozed + excluded.snoozed,
    unread = c.unread + excluded.unread,
    unread_active = c.unread_active + excluded.unread_active;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION notification_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_counts AS c (user_id, account_id, total, snoozed, unread, unread_active)
  SELECT user_id, account_id,
         sum(sign),
         sum(CASE WHEN snoozed_until IS NOT NULL THEN sign ELSE 0 END),
         sum(CASE WHEN read_at IS NULL THEN sign ELSE 0 END),
         sum(CASE WHEN read_at IS NULL AND snoozed_until IS NULL THEN sign ELSE 0 END)
  FROM (SELECT user_id, account_id, -1 AS sign, read_at, snoozed_until FROM old_rows) AS changes
  GROUP BY user_id, account_id
  HAVING sum(sign) <> 0
      OR sum(CASE WHEN snoozed_until IS NOT NULL THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN read_at IS NULL THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN read_at IS NULL AND snoozed_until IS NULL THEN sign ELSE 0 END) <> 0
  ORDER BY user_id, account_id
  ON CONFLICT (user_id, account_id) DO UPDATE SET
    total = c.total + excluded.total,
    snoozed = c.snoozed + excluded.snoozed,
    unread = c.unread + excluded.unread,
    unread_active = c.unread_active + excluded.unread_active;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notification_counts_insert AFTER INSERT ON notifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER notification_counts_update AFTER UPDATE ON notifications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_counts_after_update();
--> statement-breakpoint
CREATE TRIGGER notification_counts_delete AFTER DELETE ON notifications REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notification_counts_after_delete();
--> statement-breakpoint
-- The notifications already there.
INSERT INTO notification_counts (user_id, account_id, total, snoozed, unread, unread_active)
SELECT user_id, account_id, count(*),
       count(*) FILTER (WHERE snoozed_until IS NOT NULL),
       count(*) FILTER (WHERE read_at IS NULL),
       count(*) FILTER (WHERE read_at IS NULL AND snoozed_until IS NULL)
FROM notifications GROUP BY user_id, account_id;

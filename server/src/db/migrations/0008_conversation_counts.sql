CREATE TABLE "conversation_counts" (
	"account_id" bigint NOT NULL,
	"inbox_id" bigint NOT NULL,
	"team_id" bigint,
	"status" text NOT NULL,
	"assignee_id" bigint,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "conversation_counts_key_idx" ON "conversation_counts" USING btree ("account_id","status","inbox_id");--> statement-breakpoint
-- Written by hand: the triggers that keep conversation_counts (see the schema's comment). Inserts
-- and deletes are counted per statement (a bulk insert adds one row per key); updates per row,
-- only when a counted column changed.
CREATE FUNCTION rh_count_inserted_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_counts (account_id, inbox_id, team_id, status, assignee_id, n)
  SELECT account_id, inbox_id, team_id, status, assignee_id, count(*) FROM rh_new_rows GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION rh_count_deleted_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_counts (account_id, inbox_id, team_id, status, assignee_id, n)
  SELECT account_id, inbox_id, team_id, status, assignee_id, -count(*) FROM rh_old_rows GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION rh_count_updated_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_counts (account_id, inbox_id, team_id, status, assignee_id, n)
  VALUES (OLD.account_id, OLD.inbox_id, OLD.team_id, OLD.status, OLD.assignee_id, -1),
         (NEW.account_id, NEW.inbox_id, NEW.team_id, NEW.status, NEW.assignee_id, 1);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "conversations_count_inserted" AFTER INSERT ON "conversations"
  REFERENCING NEW TABLE AS rh_new_rows FOR EACH STATEMENT EXECUTE FUNCTION rh_count_inserted_conversations();--> statement-breakpoint
CREATE TRIGGER "conversations_count_deleted" AFTER DELETE ON "conversations"
  REFERENCING OLD TABLE AS rh_old_rows FOR EACH STATEMENT EXECUTE FUNCTION rh_count_deleted_conversations();--> statement-breakpoint
CREATE TRIGGER "conversations_count_updated" AFTER UPDATE OF "account_id", "inbox_id", "team_id", "status", "assignee_id" ON "conversations"
  FOR EACH ROW WHEN (
    OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.inbox_id IS DISTINCT FROM NEW.inbox_id
    OR OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
  ) EXECUTE FUNCTION rh_count_updated_conversation();--> statement-breakpoint
INSERT INTO "conversation_counts" ("account_id", "inbox_id", "team_id", "status", "assignee_id", "n")
  SELECT "account_id", "inbox_id", "team_id", "status", "assignee_id", count(*) FROM "conversations" GROUP BY 1, 2, 3, 4, 5;

DROP INDEX "notifications_list_idx";--> statement-breakpoint
DROP INDEX "notifications_unread_idx";--> statement-breakpoint
CREATE INDEX "notifications_list_idx" ON "notifications" USING btree ("user_id","account_id","last_activity_at","id","read_at","snoozed_until");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","account_id","last_activity_at","id") WHERE "notifications"."read_at" IS NULL AND "notifications"."snoozed_until" IS NULL;
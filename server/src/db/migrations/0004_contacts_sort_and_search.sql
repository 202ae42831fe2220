DROP INDEX "contacts_account_email_idx";--> statement-breakpoint
DROP INDEX "contacts_account_phone_idx";--> statement-breakpoint
DROP INDEX "contacts_account_activity_idx";--> statement-breakpoint
DROP INDEX "contacts_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (rh_search_text("contacts"."name", "contacts"."email", "contacts"."phone_number", "contacts"."identifier")) STORED;--> statement-breakpoint
CREATE INDEX "contacts_account_name_idx" ON "contacts" USING btree ("account_id",rh_fold("name"),"id");--> statement-breakpoint
CREATE INDEX "contacts_account_created_idx" ON "contacts" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_email_idx" ON "contacts" USING btree ("account_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_phone_idx" ON "contacts" USING btree ("account_id","phone_number");--> statement-breakpoint
CREATE INDEX "contacts_account_activity_idx" ON "contacts" USING btree ("account_id","last_activity_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin ("account_id","search_text" gin_trgm_ops);
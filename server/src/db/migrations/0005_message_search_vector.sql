DROP INDEX "messages_search_idx";--> statement-breakpoint
-- The text vector is stored so that a search never recomputes it (unaccent + to_tsvector) for the
-- rows it looks at; not in the Drizzle schema, so message reads do not carry it.
ALTER TABLE "messages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (rh_search_vector("content")) STORED;--> statement-breakpoint
CREATE INDEX "messages_search_idx" ON "messages" USING gin ("account_id", "search_vector");

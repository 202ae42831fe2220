CREATE INDEX "contacts_account_email_sort_idx" ON "contacts" USING btree ("account_id",lower("email"),"id");--> statement-breakpoint
CREATE INDEX "contacts_account_phone_sort_idx" ON "contacts" USING btree ("account_id","phone_number","id");--> statement-breakpoint
CREATE INDEX "contacts_account_activity_asc_idx" ON "contacts" USING btree ("account_id","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "contacts_account_company_idx" ON "contacts" USING btree ("account_id",("additional_attributes" ->> 'company_name'),"id");--> statement-breakpoint
CREATE INDEX "contacts_account_company_desc_idx" ON "contacts" USING btree ("account_id",("additional_attributes" ->> 'company_name') DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contacts_account_city_idx" ON "contacts" USING btree ("account_id",("additional_attributes" ->> 'city'),"id");--> statement-breakpoint
CREATE INDEX "contacts_account_city_desc_idx" ON "contacts" USING btree ("account_id",("additional_attributes" ->> 'city') DESC NULLS LAST,"id" DESC NULLS FIRST);
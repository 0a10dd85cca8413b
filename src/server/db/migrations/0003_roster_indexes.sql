DROP INDEX "delegates_sort_idx";--> statement-breakpoint
CREATE INDEX "delegates_replaces_idx" ON "delegates" USING btree ("replaces_delegate_id") WHERE "delegates"."replaces_delegate_id" is not null;--> statement-breakpoint
CREATE INDEX "delegates_sort_idx" ON "delegates" USING btree ("township_id","term_id","name_sort_key" collate "C","id");
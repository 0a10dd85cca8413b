-- Every business row carries its township: the rows of a poll take it from the poll.
ALTER TABLE "poll_eligible" ADD COLUMN "township_id" uuid;--> statement-breakpoint
ALTER TABLE "poll_named_votes" ADD COLUMN "township_id" uuid;--> statement-breakpoint
ALTER TABLE "poll_secret_tally" ADD COLUMN "township_id" uuid;--> statement-breakpoint
UPDATE "poll_eligible" AS r SET "township_id" = p."township_id" FROM "polls" AS p WHERE p."id" = r."poll_id";--> statement-breakpoint
UPDATE "poll_named_votes" AS r SET "township_id" = p."township_id" FROM "polls" AS p WHERE p."id" = r."poll_id";--> statement-breakpoint
UPDATE "poll_secret_tally" AS r SET "township_id" = p."township_id" FROM "polls" AS p WHERE p."id" = r."poll_id";--> statement-breakpoint
ALTER TABLE "poll_eligible" ALTER COLUMN "township_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "poll_named_votes" ALTER COLUMN "township_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "poll_secret_tally" ALTER COLUMN "township_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "poll_eligible" ADD CONSTRAINT "poll_eligible_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_named_votes" ADD CONSTRAINT "poll_named_votes_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_secret_tally" ADD CONSTRAINT "poll_secret_tally_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;

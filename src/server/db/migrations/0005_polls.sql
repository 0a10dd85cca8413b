CREATE TABLE "poll_eligible" (
	"poll_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"has_voted" boolean DEFAULT false NOT NULL,
	"voted_at" timestamp with time zone,
	CONSTRAINT "poll_eligible_poll_id_delegate_id_pk" PRIMARY KEY("poll_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "poll_named_votes" (
	"poll_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_named_votes_poll_id_delegate_id_pk" PRIMARY KEY("poll_id","delegate_id")
);
--> statement-breakpoint
CREATE TABLE "poll_secret_tally" (
	"poll_id" uuid PRIMARY KEY NOT NULL,
	"yes" integer DEFAULT 0 NOT NULL,
	"no" integer DEFAULT 0 NOT NULL,
	"abstain" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"quorum_kind" text DEFAULT 'meeting' NOT NULL,
	"pass_rule" jsonb NOT NULL,
	"due_snapshot" integer,
	"present_snapshot" integer,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"not_voted" integer,
	"passed" boolean,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poll_eligible" ADD CONSTRAINT "poll_eligible_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_eligible" ADD CONSTRAINT "poll_eligible_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_named_votes" ADD CONSTRAINT "poll_named_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_named_votes" ADD CONSTRAINT "poll_named_votes_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_secret_tally" ADD CONSTRAINT "poll_secret_tally_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "polls_meeting_idx" ON "polls" USING btree ("township_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_one_open_uq" ON "polls" USING btree ("meeting_id") WHERE "polls"."status" = 'open';
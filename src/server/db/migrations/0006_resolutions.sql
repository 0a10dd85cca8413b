CREATE TABLE "implementation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_name" text,
	"owner_unit" text,
	"due_on" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'notStarted' NOT NULL,
	"notes" text,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"progress" integer NOT NULL,
	"note" text,
	"by_name" text NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "resolution_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"before_text" text NOT NULL,
	"after_text" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by_meeting_id" uuid,
	"notified_at" timestamp with time zone,
	"notified_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"resolution_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"recipient_name" text NOT NULL,
	"sent_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"poll_id" uuid,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"importance" text DEFAULT 'normal' NOT NULL,
	"vote_record" jsonb,
	"adopted_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"superseded_by_id" uuid,
	"superseded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "implementation_items" ADD CONSTRAINT "implementation_items_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_items" ADD CONSTRAINT "implementation_items_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_updates" ADD CONSTRAINT "implementation_updates_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_updates" ADD CONSTRAINT "implementation_updates_item_id_implementation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."implementation_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_changes" ADD CONSTRAINT "resolution_changes_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_changes" ADD CONSTRAINT "resolution_changes_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_changes" ADD CONSTRAINT "resolution_changes_decided_by_meeting_id_meetings_id_fk" FOREIGN KEY ("decided_by_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_distributions" ADD CONSTRAINT "resolution_distributions_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_distributions" ADD CONSTRAINT "resolution_distributions_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "implementation_items_idx" ON "implementation_items" USING btree ("township_id","resolution_id");--> statement-breakpoint
CREATE INDEX "implementation_updates_idx" ON "implementation_updates" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "resolution_changes_idx" ON "resolution_changes" USING btree ("resolution_id","created_at");--> statement-breakpoint
CREATE INDEX "resolution_distributions_idx" ON "resolution_distributions" USING btree ("resolution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_number_uq" ON "resolutions" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_poll_uq" ON "resolutions" USING btree ("poll_id") WHERE "resolutions"."poll_id" is not null;--> statement-breakpoint
CREATE INDEX "resolutions_township_idx" ON "resolutions" USING btree ("township_id","meeting_id");
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"notified_at" timestamp with time zone,
	"reply" text DEFAULT 'pending' NOT NULL,
	"leave_reason" text,
	"replied_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"check_in_method" text
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"session_number" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"start_time" text,
	"place" text,
	"duration_days" numeric(3, 1) DEFAULT '1' NOT NULL,
	"has_election" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rules" jsonb NOT NULL,
	"current_agenda_item_id" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_uq" ON "meeting_attendance" USING btree ("meeting_id","delegate_id");--> statement-breakpoint
CREATE INDEX "attendance_township_idx" ON "meeting_attendance" USING btree ("township_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_session_uq" ON "meetings" USING btree ("term_id","session_number");--> statement-breakpoint
CREATE INDEX "meetings_township_idx" ON "meetings" USING btree ("township_id");
ALTER TABLE "sms_outbox" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "claimed_until" timestamp with time zone;
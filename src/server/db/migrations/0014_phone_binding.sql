ALTER TABLE "meeting_attendance" ADD COLUMN "device_key" text;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "device_bound_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "device_released" text;
CREATE TYPE "public"."event_action" AS ENUM('dispatch', 'sign', 'report', 'request_extension', 'approve_extension', 'deny_extension', 'return', 'redispatch', 'verify_pass', 'verify_fail', 'urge', 'supervise', 'cancel', 'reopen', 'warn', 'callback');--> statement-breakpoint
CREATE TYPE "public"."extension_status" AS ENUM('pending', 'approved', 'denied');--> statement-breakpoint
CREATE TYPE "public"."time_limit_unit" AS ENUM('hours', 'working_days');--> statement-breakpoint
CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TABLE "event_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"department_code" text NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_time_limit_at" timestamp with time zone NOT NULL,
	"status" "extension_status" DEFAULT 'pending' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"action" "event_action" NOT NULL,
	"from_status" "event_status",
	"to_status" "event_status" NOT NULL,
	"department_code" text,
	"actor_user_id" uuid,
	"note" text,
	"detail" text,
	"citizens_notified_at" timestamp with time zone,
	"webhook_queued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_limit_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text DEFAULT '*' NOT NULL,
	"urgency" "urgency" NOT NULL,
	"sign_for_amount" smallint NOT NULL,
	"sign_for_unit" time_limit_unit NOT NULL,
	"completion_amount" smallint NOT NULL,
	"completion_unit" time_limit_unit NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"event_id" uuid,
	"url" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_steps" ALTER COLUMN "from_status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "event_steps" ALTER COLUMN "to_status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "status" SET DEFAULT 'dispatched'::text;--> statement-breakpoint
UPDATE "events" SET "status" = 'handling' WHERE "status" = 'signed';--> statement-breakpoint
DROP TYPE "public"."event_status";--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('dispatched', 'handling', 'reported', 'returned', 'closed', 'cancelled');--> statement-breakpoint
ALTER TABLE "event_steps" ALTER COLUMN "from_status" SET DATA TYPE "public"."event_status" USING "from_status"::"public"."event_status";--> statement-breakpoint
ALTER TABLE "event_steps" ALTER COLUMN "to_status" SET DATA TYPE "public"."event_status" USING "to_status"::"public"."event_status";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "status" SET DEFAULT 'dispatched'::"public"."event_status";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "status" SET DATA TYPE "public"."event_status" USING "status"::"public"."event_status";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "next_delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "survey_asked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "satisfaction" smallint;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "rated_via" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "dispatched_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "sign_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "warn_at" timestamp with time zone;--> statement-breakpoint
-- Events from before the linkage center: dispatched at creation, one day to sign for, warned at 80 % of the time limit.
UPDATE "events" SET "dispatched_at" = "created_at", "sign_due_at" = least("created_at" + interval '1 day', "time_limit_at"), "warn_at" = "created_at" + ("time_limit_at" - "created_at") * 0.8;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "sign_due_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "warn_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "sign_overdue_raised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "yellow_raised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "red_raised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "urge_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "supervised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_extensions" ADD CONSTRAINT "event_extensions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_extensions" ADD CONSTRAINT "event_extensions_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_extensions" ADD CONSTRAINT "event_extensions_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_extensions" ADD CONSTRAINT "event_extensions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_photos" ADD CONSTRAINT "event_photos_step_id_event_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."event_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_steps" ADD CONSTRAINT "event_steps_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_steps" ADD CONSTRAINT "event_steps_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_steps" ADD CONSTRAINT "event_steps_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_extensions_one_pending_idx" ON "event_extensions" USING btree ("event_id") WHERE "event_extensions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "event_photos_step_idx" ON "event_photos" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "event_steps_event_idx" ON "event_steps" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_steps_department_idx" ON "event_steps" USING btree ("department_code","action","created_at");--> statement-breakpoint
CREATE INDEX "event_steps_notify_idx" ON "event_steps" USING btree ("created_at") WHERE "event_steps"."citizens_notified_at" is null and "event_steps"."action" in ('dispatch', 'verify_pass');--> statement-breakpoint
CREATE INDEX "event_steps_webhook_idx" ON "event_steps" USING btree ("created_at") WHERE "event_steps"."webhook_queued_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "time_limit_rules_key" ON "time_limit_rules" USING btree ("category_code","urgency");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_idx" ON "webhook_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_retry_idx" ON "messages" USING btree ("next_delivery_at") WHERE "messages"."next_delivery_at" is not null;--> statement-breakpoint
CREATE INDEX "events_created_idx" ON "events" USING btree ("created_at");
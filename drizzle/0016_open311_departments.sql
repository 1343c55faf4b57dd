CREATE TABLE "department_open311" (
	"department_code" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"base_url" text NOT NULL,
	"api_key" text NOT NULL,
	"jurisdiction_id" text,
	"service_codes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"poll_interval_seconds" integer DEFAULT 300 NOT NULL,
	"poll_cursor" timestamp with time zone,
	"last_modified" text,
	"last_polled_at" timestamp with time zone,
	"last_poll_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_dispatches" (
	"step_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"department_code" text NOT NULL,
	"outbox_id" uuid NOT NULL,
	"service_request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_received_updates" (
	"department_code" text NOT NULL,
	"update_id" text NOT NULL,
	"event_id" uuid NOT NULL,
	"step_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_received_updates_department_code_update_id_pk" PRIMARY KEY("department_code","update_id")
);
--> statement-breakpoint
ALTER TABLE "department_open311" ADD CONSTRAINT "department_open311_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_dispatches" ADD CONSTRAINT "open311_dispatches_step_id_event_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."event_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_dispatches" ADD CONSTRAINT "open311_dispatches_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_dispatches" ADD CONSTRAINT "open311_dispatches_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_received_updates" ADD CONSTRAINT "open311_received_updates_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_received_updates" ADD CONSTRAINT "open311_received_updates_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_received_updates" ADD CONSTRAINT "open311_received_updates_step_id_event_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."event_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open311_dispatches_request_idx" ON "open311_dispatches" USING btree ("department_code","service_request_id");--> statement-breakpoint
CREATE INDEX "open311_dispatches_event_idx" ON "open311_dispatches" USING btree ("event_id");
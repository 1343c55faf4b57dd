CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"subject_id" uuid,
	"target" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The linkage platform's delivery log and the messages waiting for a retry move into the one outbox.
INSERT INTO "outbox" ("id", "kind", "topic", "subject_id", "target", "payload", "status", "attempts", "next_attempt_at", "last_status_code", "last_error", "delivered_at", "created_at")
SELECT "id", 'linkage-webhook', "topic", "event_id", "url", "payload", "status"::text::"outbox_status", "attempts", "next_attempt_at", "last_status_code", "last_error", "delivered_at", "created_at" FROM "webhook_deliveries";--> statement-breakpoint
INSERT INTO "outbox" ("kind", "topic", "subject_id", "target", "payload", "attempts", "next_attempt_at", "last_error", "created_at")
SELECT 'citizen-message', m."channel"::text, m."id", m."channel"::text, jsonb_build_object('caseNumber', a."case_number"), m."delivery_attempts", m."next_delivery_at", m."delivery_error", m."created_at"
FROM "messages" m LEFT JOIN "appeals" a ON a."id" = m."appeal_id" WHERE m."direction" = 'out' AND m."next_delivery_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "webhook_deliveries" CASCADE;--> statement-breakpoint
DROP INDEX "messages_retry_idx";--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_kind_created_idx" ON "outbox" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "outbox_subject_idx" ON "outbox" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "delivery_attempts";--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "next_delivery_at";--> statement-breakpoint
DROP TYPE "public"."webhook_delivery_status";
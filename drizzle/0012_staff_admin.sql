ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "chat_capacity" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "call_capacity" integer;
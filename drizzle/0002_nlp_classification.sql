CREATE TABLE "duplicate_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"score" real NOT NULL,
	"decision" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_suggestions_pair_key" UNIQUE("appeal_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "training_examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text" text NOT NULL,
	"category" text,
	"appeal_type" text,
	"appeal_id" uuid,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "classification" jsonb;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "nlp_processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "duplicate_suggestions" ADD CONSTRAINT "duplicate_suggestions_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_suggestions" ADD CONSTRAINT "duplicate_suggestions_candidate_id_appeals_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_examples" ADD CONSTRAINT "training_examples_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_examples" ADD CONSTRAINT "training_examples_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_suggestions_candidate_idx" ON "duplicate_suggestions" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "training_examples_created_idx" ON "training_examples" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "appeals_nlp_backlog_idx" ON "appeals" USING btree ("created_at") WHERE "appeals"."nlp_processed_at" is null;
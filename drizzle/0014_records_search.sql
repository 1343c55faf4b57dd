CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_searches_user_name_key" UNIQUE("user_id","name")
);
--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");--> statement-breakpoint
-- 综合查询 finds Chinese words anywhere in a text. Chinese has no spaces to split words on, and pg_trgm
-- (three characters) cannot use its index for the two-character words most searches are (路灯, 噪音),
-- so every text is indexed by its character pairs: a search for 小区路灯 asks for rows holding 小区,
-- 区路 and 路灯 (the GIN index), then checks the whole word is there. Pairs across white space are left out.
CREATE FUNCTION record_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (SELECT substr(s, i, 2) AS g FROM (SELECT lower(coalesce(t, '')) AS s) AS x, generate_series(1, length(s) - 1) AS i) AS pairs
  WHERE g !~ '\s'
$$;--> statement-breakpoint
CREATE INDEX "appeals_record_grams_idx" ON "appeals" USING gin (record_grams("summary" || ' ' || coalesce("address", '')));--> statement-breakpoint
CREATE INDEX "messages_record_grams_idx" ON "messages" USING gin (record_grams("text"));--> statement-breakpoint
CREATE INDEX "appeal_notes_record_grams_idx" ON "appeal_notes" USING gin (record_grams("text"));--> statement-breakpoint
CREATE INDEX "event_steps_record_grams_idx" ON "event_steps" USING gin (record_grams("note"));--> statement-breakpoint
-- The result list's default order, newest first, and its keyset pages.
CREATE INDEX "appeals_created_id_idx" ON "appeals" USING btree ("created_at", "id");

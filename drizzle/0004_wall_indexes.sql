-- The supervisor wall's aggregates over today (backend/src/stats/): appeals that arrived today
-- by created_at, appeals decided today by decided_at. Without them both scan the whole table.
-- Hand-written (drizzle-kit generate --custom): appeals/schema.ts does not declare them, so the
-- snapshot does not list them; whoever declares them there must drop the CREATE INDEX that
-- drizzle-kit then generates, as these already exist.
CREATE INDEX IF NOT EXISTS "appeals_created_idx" ON "appeals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "appeals_decided_idx" ON "appeals" USING btree ("decided_at");

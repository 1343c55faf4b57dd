CREATE TABLE "webhook_nonces" (
	"source" text NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_nonces_source_nonce_pk" PRIMARY KEY("source","nonce")
);
--> statement-breakpoint
CREATE INDEX "webhook_nonces_expires_idx" ON "webhook_nonces" USING btree ("expires_at");
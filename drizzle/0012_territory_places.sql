CREATE TYPE "public"."territory_place_kind" AS ENUM('road', 'compound', 'landmark', 'building');--> statement-breakpoint
CREATE TABLE "territory_places" (
	"position" integer PRIMARY KEY NOT NULL,
	"kind" "territory_place_kind" NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb,
	"geometry" jsonb NOT NULL,
	"from_number" integer,
	"to_number" integer
);
--> statement-breakpoint
ALTER TABLE "territory_units" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;
CREATE TABLE "contact_links" (
	"contact_id" uuid NOT NULL,
	"linked_contact_id" uuid NOT NULL,
	"linked_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_links_pair_key" UNIQUE("contact_id","linked_contact_id"),
	CONSTRAINT "contact_links_ordered" CHECK ("contact_links"."contact_id" < "contact_links"."linked_contact_id")
);
--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_linked_contact_id_contacts_id_fk" FOREIGN KEY ("linked_contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_links_linked_idx" ON "contact_links" USING btree ("linked_contact_id");
-- Issue 12: names in Vietnamese dictionary order. The key is computed by the application (vietnameseSortKey:
-- plain ASCII, compared byte by byte, hence COLLATE "C": the same order on PGlite, PostgreSQL and Citus).
-- SQL cannot compute it, so existing rows start with '' (NOT NULL, default '') and `coop db migrate`
-- (loadReferenceData → backfillNameOrder) fills them in batches; every insert and update of a name writes it.
ALTER TABLE "admin_units" ADD COLUMN "name_order" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_order" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "organisations_tenant_name_order_idx" ON "organisations" USING btree ("tenant_id","name_order");

-- Issue 17: a registry page in name order (name_order, then id, as findOrganisations orders it) read from the index
-- and stopped at the page, not a sort of every organisation of the alliance. Covers what the old index served.
DROP INDEX "organisations_tenant_name_order_idx";--> statement-breakpoint
CREATE INDEX "organisations_tenant_name_order_id_idx" ON "organisations" USING btree ("tenant_id","name_order","id");
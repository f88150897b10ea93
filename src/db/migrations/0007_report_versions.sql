DROP TABLE "report_parts" CASCADE;--> statement-breakpoint
DROP TABLE "report_recipes" CASCADE;--> statement-breakpoint
-- Decision 005: the national figures are counted like an alliance's; report_revisions stays as each alliance's
-- data version, which keys the report cache. A version is never below the clock in microseconds, so it never
-- comes back to a value handed out before (not even after a restore, which moves them all).
CREATE FUNCTION report_version_after(previous bigint) RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT greatest(coalesce(previous, 0) + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
$$;
--> statement-breakpoint
-- The alliances of the changed rows: their version moves on (statement-level: one update for a whole import).
CREATE OR REPLACE FUNCTION report_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_revisions (tenant_id, revision)
  SELECT tenant_id, report_version_after(0) FROM (SELECT DISTINCT tenant_id FROM changed_rows) changed
  ON CONFLICT (tenant_id) DO UPDATE SET revision = report_version_after(report_revisions.revision);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every alliance's version moves on: sectors, communes and alliances' names are read by every alliance's
-- figures; a TRUNCATE has no changed rows; `coop restore` calls it once the data is back.
CREATE FUNCTION report_versions_move_all() RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_revisions (tenant_id, revision)
  SELECT id, report_version_after(0) FROM alliances
  ON CONFLICT (tenant_id) DO UPDATE SET revision = report_version_after(report_revisions.revision)
$$;
--> statement-breakpoint
CREATE FUNCTION report_versions_move_all_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_versions_move_all();
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER sectors_report_parts_insert ON sectors;
--> statement-breakpoint
DROP TRIGGER sectors_report_parts_update ON sectors;
--> statement-breakpoint
DROP TRIGGER sectors_report_parts_delete ON sectors;
--> statement-breakpoint
DROP TRIGGER sectors_report_parts_truncate ON sectors;
--> statement-breakpoint
DROP TRIGGER admin_units_report_parts_insert ON admin_units;
--> statement-breakpoint
DROP TRIGGER admin_units_report_parts_update ON admin_units;
--> statement-breakpoint
DROP TRIGGER admin_units_report_parts_delete ON admin_units;
--> statement-breakpoint
DROP TRIGGER admin_units_report_parts_truncate ON admin_units;
--> statement-breakpoint
DROP TRIGGER organisations_report_parts_truncate ON organisations;
--> statement-breakpoint
DROP TRIGGER organisation_statuses_report_parts_truncate ON organisation_statuses;
--> statement-breakpoint
DROP TRIGGER report_closures_report_parts_truncate ON report_closures;
--> statement-breakpoint
DROP TRIGGER report_closure_organisations_report_parts_truncate ON report_closure_organisations;
--> statement-breakpoint
DROP FUNCTION report_parts_clear();
--> statement-breakpoint
-- Reference tables: one trigger each (rare writes; a reload of unchanged data moves the versions, harmlessly).
CREATE TRIGGER sectors_report_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sectors FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
CREATE TRIGGER admin_units_report_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_units FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
CREATE TRIGGER alliances_report_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alliances FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
-- An alliance's tables: one trigger per kind of statement (PostgreSQL gives the changed rows to a trigger of
-- one kind only), and TRUNCATE moves all. The dashboard shows the plans: they move the version too.
CREATE TRIGGER report_plans_revision_insert AFTER INSERT ON report_plans REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_plans_revision_update AFTER UPDATE ON report_plans REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_plans_revision_delete AFTER DELETE ON report_plans REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER organisations_revision_truncate AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
CREATE TRIGGER organisation_statuses_revision_truncate AFTER TRUNCATE ON organisation_statuses FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
CREATE TRIGGER report_closures_revision_truncate AFTER TRUNCATE ON report_closures FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
CREATE TRIGGER report_closure_organisations_revision_truncate AFTER TRUNCATE ON report_closure_organisations FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
CREATE TRIGGER report_plans_revision_truncate AFTER TRUNCATE ON report_plans FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();
--> statement-breakpoint
-- Existing versions move onto the clock's scale.
SELECT report_versions_move_all();

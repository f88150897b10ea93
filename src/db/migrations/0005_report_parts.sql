CREATE TABLE "report_parts" (
	"tenant_id" integer NOT NULL,
	"key" text NOT NULL,
	"revision" bigint NOT NULL,
	"part" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_parts_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "report_revisions" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
-- What a report counts changed for the alliances of the changed rows: their revision moves on and their
-- roll-up parts go (statement-level: one update for a 30,000-row import, not 30,000).
CREATE FUNCTION report_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_revisions (tenant_id, revision)
  SELECT DISTINCT tenant_id, 1 FROM changed_rows
  ON CONFLICT (tenant_id) DO UPDATE SET revision = report_revisions.revision + 1;
  DELETE FROM report_parts WHERE tenant_id IN (SELECT tenant_id FROM changed_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Sectors and communes name what every alliance counts: when a row of them changes, every part goes.
CREATE FUNCTION report_parts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A TRUNCATE has no changed_rows (the second test is planned only when reached).
  IF TG_OP <> 'TRUNCATE' THEN
    IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
      RETURN NULL;
    END IF;
  END IF;
  UPDATE report_revisions SET revision = revision + 1;
  DELETE FROM report_parts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_revision_insert AFTER INSERT ON organisations REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER organisations_revision_update AFTER UPDATE ON organisations REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER organisations_revision_delete AFTER DELETE ON organisations REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER organisation_statuses_revision_insert AFTER INSERT ON organisation_statuses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER organisation_statuses_revision_update AFTER UPDATE ON organisation_statuses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER organisation_statuses_revision_delete AFTER DELETE ON organisation_statuses REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_closures_revision_insert AFTER INSERT ON report_closures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_closures_revision_update AFTER UPDATE ON report_closures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_closures_revision_delete AFTER DELETE ON report_closures REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_closure_organisations_revision_insert AFTER INSERT ON report_closure_organisations REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_closure_organisations_revision_update AFTER UPDATE ON report_closure_organisations REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER report_closure_organisations_revision_delete AFTER DELETE ON report_closure_organisations REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_revision_bump();
--> statement-breakpoint
CREATE TRIGGER sectors_report_parts_insert AFTER INSERT ON sectors REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER sectors_report_parts_update AFTER UPDATE ON sectors REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER sectors_report_parts_delete AFTER DELETE ON sectors REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER sectors_report_parts_truncate AFTER TRUNCATE ON sectors FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER admin_units_report_parts_insert AFTER INSERT ON admin_units REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER admin_units_report_parts_update AFTER UPDATE ON admin_units REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER admin_units_report_parts_delete AFTER DELETE ON admin_units REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER admin_units_report_parts_truncate AFTER TRUNCATE ON admin_units FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER organisations_report_parts_truncate AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER organisation_statuses_report_parts_truncate AFTER TRUNCATE ON organisation_statuses FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER report_closures_report_parts_truncate AFTER TRUNCATE ON report_closures FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();
--> statement-breakpoint
CREATE TRIGGER report_closure_organisations_report_parts_truncate AFTER TRUNCATE ON report_closure_organisations FOR EACH STATEMENT EXECUTE FUNCTION report_parts_clear();

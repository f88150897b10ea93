-- Decision 005: what a report counts moves its alliance's data version. The reports read annual updates (issue
-- 13: indicators from accepted updates, the share that filed): a change of state or of a filed update moves it; a
-- draft saved (many times a minute while a manager types) does not.
CREATE FUNCTION annual_update_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_revisions (tenant_id, revision)
  SELECT tenant_id, report_version_after(0) FROM (SELECT DISTINCT tenant_id FROM changed_rows WHERE state <> 'draft') changed
  ON CONFLICT (tenant_id) DO UPDATE SET revision = report_version_after(report_revisions.revision);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER annual_updates_revision_insert AFTER INSERT ON annual_updates REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION annual_update_revision_bump();
--> statement-breakpoint
CREATE TRIGGER annual_updates_revision_update AFTER UPDATE ON annual_updates REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION annual_update_revision_bump();
--> statement-breakpoint
CREATE TRIGGER annual_updates_revision_delete AFTER DELETE ON annual_updates REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION annual_update_revision_bump();
--> statement-breakpoint
CREATE TRIGGER annual_updates_revision_truncate AFTER TRUNCATE ON annual_updates FOR EACH STATEMENT EXECUTE FUNCTION report_versions_move_all_trigger();

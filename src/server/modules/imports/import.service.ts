/**
 * Import of the alliance's registry workbooks (.xlsx, .csv) into the registry of organisations.
 *
 * One import is one transaction: killed midway, the registry holds all of it or none of it, and running it
 * again changes nothing more (rows are matched by registration number; identical rows are left untouched).
 * A dry run does the very same work in a transaction that is rolled back, so its counts are those of a real run.
 * Every run is kept in import_runs with its report. Limits on size, rows and cells: see limits.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { analyzeTables, statementsOf } from '../../../db/maintenance.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRegistryStaff } from '../cooperatives/cooperatives.policy.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { importRuns } from '../cooperatives/imports.sql.ts';
import { formatMegabytes } from './limits.ts';
import { readRegistryTable, type RowMessage } from './parse-workbook.ts';
import { planRows, type Duplicate, type Rejected } from './plan-rows.ts';
import { writeRows, type ImportProgress } from './write-rows.ts';

export type ImportReport = {
  importId: string;
  fileName: string;
  dryRun: boolean;
  format: 'xlsx' | 'csv';
  sheetName: string;
  headerRow: number;
  /** Data rows of the file (title, heading, blank and signature rows excluded). */
  rowsInFile: number;
  imported: number;
  updated: number;
  unchanged: number;
  duplicates: Duplicate[];
  rejected: Rejected[];
  warnings: RowMessage[];
};

export type ImportOptions = {
  actor: Actor;
  tenantId?: number;
  fileName: string;
  content: Buffer;
  dryRun: boolean;
  /** Called as rows are written (the CLI shows it; tests use it to know that writing has begun). */
  onProgress?: (progress: ImportProgress) => void;
};

// Two imports of one alliance at once would both insert the same new numbers; the second waits instead.
const IMPORT_LOCK_CLASS = 7301;

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run: rolled back');
  }
}

const byRow = <T extends { row: number }>(items: T[]) => [...items].sort((a, b) => a.row - b.row);

/** Imports a registry workbook for the actor's alliance (registry staff only); returns the report of the run. */
export async function importCooperatives(db: Db, { actor, tenantId: requested, fileName, content, dryRun, onProgress }: ImportOptions): Promise<ImportReport> {
  const user = requireRegistryStaff(actor);
  if (requested !== undefined && requested !== user.tenantId) throw forbidden();
  const tenantId = user.tenantId;
  const table = await readRegistryTable(fileName, content);
  const plan = planRows(table);
  const importId = randomUUID();

  const run = async (tx: Db): Promise<ImportReport> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_CLASS}::int, ${tenantId}::int)`);
    const outcome = await writeRows(tx, { actor, tenantId, rows: plan.accepted, onProgress });
    return {
      importId,
      fileName,
      dryRun,
      format: table.format,
      sheetName: table.sheetName,
      headerRow: table.headerRow,
      rowsInFile: plan.rowsInFile,
      imported: outcome.imported,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      duplicates: byRow(plan.duplicates),
      rejected: byRow(plan.rejected),
      warnings: byRow([...plan.warnings, ...outcome.warnings]),
    };
  };
  const saveRun = (tx: Db, report: ImportReport) =>
    tx.insert(importRuns).values({ tenantId, id: importId, actorLabel: actorLabel(actor), fileName, dryRun, report });

  if (dryRun) {
    let report: ImportReport | undefined;
    try {
      await db.transaction(async (tx) => {
        throw new DryRunRollback(await run(tx));
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
      report = error.report;
    }
    await saveRun(db, report!);
    return report!;
  }
  const committed = await db.transaction(async (tx) => {
    const report = await run(tx);
    await saveRun(tx, report);
    const { duplicates, rejected, warnings, ...counts } = report;
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'registry.imported',
      entityType: 'import_run',
      entityId: importId,
      before: null,
      after: { ...counts, duplicates: duplicates.length, rejected: rejected.length, warnings: warnings.length },
    });
    return report;
  });
  await refreshImportStatistics(db);
  return committed;
}

// The tables an import writes, analysed once it has committed (one short statement each): the embedded engine
// has no autovacuum, and a registry that doubled in one import must not be planned as it was before.
const IMPORTED_TABLES = ['organisations', 'organisation_statuses', 'audit_events', 'import_runs'];

async function refreshImportStatistics(db: Db): Promise<void> {
  try {
    await analyzeTables(statementsOf(db), IMPORTED_TABLES);
  } catch {
    // The import has committed; stale statistics make reports slower, not wrong, and the maintainer catches up.
  }
}

/** One stored import run of the actor's alliance, with its report (registry staff only). */
export async function getImportRun(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireRegistryStaff(actor);
  if (!isUuid(id)) throw notFound('lượt nhập');
  const [row] = await db.select().from(importRuns).where(and(eq(importRuns.tenantId, user.tenantId), eq(importRuns.id, id)));
  if (!row) throw notFound('lượt nhập');
  return { ...row, report: row.report as ImportReport };
}

/** Turns an upload larger than the limit into the error people read (413). */
export function uploadTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `Tệp vượt quá giới hạn ${formatMegabytes(maxBytes)} một lần nhập; hãy chia thành nhiều tệp nhỏ hơn.`);
}

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../server/config.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import { openDatabase } from '../db/client.ts';
import { MOVE_ALL_VERSIONS } from '../server/modules/reports/report-cache.ts';
import { analyzeTables } from '../db/maintenance.ts';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) throw new Error(`Không chạy được ${command}: ${result.error.message} (cài gói postgresql-client cùng phiên bản với máy chủ).`);
  if (result.status !== 0) throw new Error(`${command} thất bại: ${result.stderr.trim()}`);
}

/** Backs up the whole database to one file: a data-directory archive (PGlite) or a pg_dump archive. */
export async function backupDatabase(file: string): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, config.databaseUrl]);
    return;
  }
  const database = await openDatabase({ dataDir: config.dataDir, holder: 'coop backup' });
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** Restores a backup made by `coop backup`; the embedded database being replaced is kept aside, not deleted. */
export async function restoreDatabase(file: string): Promise<string | undefined> {
  if (!existsSync(file)) throw new Error(`Không có tệp ${file}.`);
  const config = loadConfig();
  if (config.databaseUrl) {
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', `--dbname=${config.databaseUrl}`, file]);
    // A server still running may have cached figures counted from the half-restored tables (decision 005).
    run('psql', ['--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', `--dbname=${config.databaseUrl}`, '-c', MOVE_ALL_VERSIONS]);
    // pg_restore recreates the tables without the planner's statistics; autovacuum would gather them a while later.
    const database = await openDatabase({ databaseUrl: config.databaseUrl });
    try {
      await analyzeTables(database.exec);
    } finally {
      await database.close();
    }
    return undefined;
  }
  const lock = acquireDataDirLock(config.dataDir, 'coop restore');
  try {
    const target = path.join(config.dataDir, 'pg');
    let keptAside: string | undefined;
    if (existsSync(target)) {
      keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, keptAside);
    }
    const restored = await PGlite.create({ dataDir: target, extensions: { pg_trgm }, loadDataDir: new Blob([readFileSync(file)]) });
    await restored.query('select 1');
    // No server runs meanwhile (the data-directory lock), but versions only ever move on (decision 005).
    await restored.exec(MOVE_ALL_VERSIONS);
    // The archive holds the statistics of the day of the backup, if any were ever gathered: gather today's.
    await analyzeTables(async (statement) => (await restored.query<Record<string, unknown>>(statement)).rows);
    await restored.close();
    return keptAside;
  } finally {
    lock.release();
  }
}

export function register(program: Command): void {
  program
    .command('backup <file>')
    .description('Sao lưu toàn bộ cơ sở dữ liệu vào một tệp')
    .action(async (file: string) => {
      await backupDatabase(file);
      process.stdout.write(`Đã sao lưu vào ${file}.\n`);
    });
  program
    .command('restore <file>')
    .description('Khôi phục cơ sở dữ liệu từ một bản sao lưu (dừng máy chủ trước)')
    .action(async (file: string) => {
      const aside = await restoreDatabase(file);
      process.stdout.write(`Đã khôi phục từ ${file}.${aside ? ` Dữ liệu cũ được giữ ở ${aside}.` : ''}\n`);
    });
}

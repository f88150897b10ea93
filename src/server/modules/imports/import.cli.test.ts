// `coop import cooperatives` as a user runs it: a child process on its own embedded data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { generatedRegistry, SAMPLE_PATH } from './test-files.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'coop-import-'));
const dataDir = path.join(dir, 'data');
const bigFile = path.join(dir, 'registry-3000.xlsx');
const BIG_ROWS = 3_000;

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs `coop …`; `killWhen` SIGKILLs it as soon as its stderr says so. The embedded database, never a server. */
function coop(args: string[], killWhen?: (stderr: string) => boolean): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, COOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/coop.js'), ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen?.(stderr) && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Opens the data directory the CLI used (after it exited) and counts what the registry holds. */
async function registryCounts() {
  const database = await openDatabase({ dataDir, holder: 'import.cli.test' });
  try {
    const [row] = await database.exec('select count(*)::int as n, count(distinct registration_number)::int as distinct_numbers from organisations');
    return row as { n: number; distinct_numbers: number };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  writeFileSync(bigFile, await generatedRegistry(BIG_ROWS));
  // The first run creates the data directory, migrates it and loads the reference data.
  const migrate = await coop(['db', 'migrate']);
  expect(migrate.code, migrate.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coop import cooperatives', () => {
  it('prints the report as JSON, a readable summary without --json, and exits 1 on a file-level error', async () => {
    const first = await coop(['import', 'cooperatives', SAMPLE_PATH, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({
      imported: 237,
      updated: 0,
      duplicates: [
        { row: 243, firstRow: 16, registrationNumber: '2401015624' },
        { row: 244, firstRow: 45, registrationNumber: '2401014356' },
        { row: 245, firstRow: 183, registrationNumber: '2401015737' },
      ],
      rejected: [
        { row: 246, reason: 'Thiếu tên tổ chức (cột "Tên HTX").' },
        { row: 247, reason: 'Ngày thành lập không hợp lệ: Ngày không tồn tại: "31/02/2020".' },
      ],
    });
    expect(report.warnings).toContainEqual({ row: 55, message: 'Cột "Ngày thành lập" chỉ ghi năm: lấy ngày 01/01/2023.' });

    const again = await coop(['import', 'cooperatives', SAMPLE_PATH]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Thêm mới: +0\n {2}Cập nhật: +0\n {2}Không thay đổi: +237\n/);
    expect(again.stdout).toContain('Dòng 246: Thiếu tên tổ chức (cột "Tên HTX").');

    const junk = path.join(dir, 'junk.xlsx');
    writeFileSync(junk, randomBytes(2048));
    const bad = await coop(['import', 'cooperatives', junk, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^Lỗi: Tệp "junk.xlsx" không phải bảng tính \.xlsx hợp lệ/);
  }, 240_000);

  it('killed with SIGKILL while writing, leaves all or nothing, and the import then completes', async () => {
    const before = await registryCounts();
    const killed = await coop(['import', 'cooperatives', bigFile, '--json'], (stderr) => stderr.includes('Đã ghi'));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toContain(`Đã ghi 500/${BIG_ROWS}`);

    const after = await registryCounts(); // the data directory opens again after the kill
    expect([before.n, before.n + BIG_ROWS]).toContain(after.n);
    expect(after.distinct_numbers).toBe(after.n);

    const rerun = await coop(['import', 'cooperatives', bigFile, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report.imported + report.unchanged).toBe(BIG_ROWS);
    expect(report.updated).toBe(0);
    expect(await registryCounts()).toEqual({ n: before.n + BIG_ROWS, distinct_numbers: before.n + BIG_ROWS });
  }, 240_000);
});

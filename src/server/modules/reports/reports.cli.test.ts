/**
 * `coop plan` and `coop report` end to end in child processes, on an embedded database of their own:
 * import the sample workbook, set the plan, print the report, export it, close the year.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoop } from '../../../cli/cli-process.ts';
import { SAMPLE_PATH } from '../imports/test-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'coop-report-cli-'));
// Never the server of DATABASE_URL: these commands write.
const env = { DATABASE_URL: '', COOP_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function coop(...args: string[]) {
  const result = await runCoop(args, env);
  expect(result.code, `coop ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('coop plan and coop report', () => {
  it('reports the imported registry against the plan, exports it and closes the year', async () => {
    await coop('import', 'cooperatives', SAMPLE_PATH);
    expect(await coop('plan', 'set', '--year', '2023', '--indicator', 'newly_established', '--target', '12')).toContain('12');
    const report = JSON.parse(await coop('report', 'annual', '--year', '2023', '--json'));
    expect(report).toMatchObject({ year: 2023, asOf: '2023-12-31', total: 229, newlyEstablished: 24, dissolved: 3, plan: { newlyEstablished: 12, percent: 200 }, charterCapitalVnd: '380912000000', members: 12759, frozen: false });

    const xlsx = path.join(dir, 'bao-cao.xlsx');
    await coop('report', 'annual', '--year', '2023', '--format', 'xlsx', '--out', xlsx);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    expect(await coop('report', 'close', '--year', '2023')).toContain('Đã chốt số liệu năm 2023: 229 tổ chức');
    const frozen = JSON.parse(await coop('report', 'annual', '--year', '2023', '--json'));
    expect(frozen).toMatchObject({ total: 229, frozen: true });
  }, 240_000);

  it('explains a wrong option in Vietnamese and writes nothing', async () => {
    const out = path.join(dir, 'x.docx');
    const bad = await runCoop(['report', 'annual', '--year', '2023', '--format', 'docx', '--out', out], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format: xlsx hoặc pdf');
    expect(existsSync(out)).toBe(false);
    const plan = await runCoop(['plan', 'set', '--year', '2023', '--indicator', 'newly_established', '--target', '1.5'], env);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('--target');
  }, 60_000);
});

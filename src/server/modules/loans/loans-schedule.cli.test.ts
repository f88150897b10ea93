// End-to-end check of `coop loans schedule` through the real entry point (bin/coop.js), as a user runs it.
// Lives here because the loans folder owns the engine; the command itself is src/cli/loans-schedule.ts.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);

async function coop(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/coop.js', ...args], { cwd: projectRoot });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const bullet = ['loans', 'schedule', '--principal', '300000000', '--rate', '4.8', '--term-months', '24', '--method', 'bullet', '--disbursed', '2024-01-31'];

describe('coop loans schedule', () => {
  it('prints the schedule as JSON with integer amounts', async () => {
    const { stdout, code } = await coop([...bullet, '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { installments: Array<Record<string, unknown>>; totalInterest: unknown };
    // Figures worked out by hand in schedule.test.ts (the same loan).
    expect(output.installments).toHaveLength(24);
    expect(output.installments[0]).toEqual({ n: 1, dueDate: '2024-02-29', principal: 0, interest: 1144110, total: 1144110 });
    expect(output.installments[1]).toEqual({ n: 2, dueDate: '2024-03-31', principal: 0, interest: 1223014, total: 1223014 });
    expect(output.installments[23]).toEqual({ n: 24, dueDate: '2026-01-31', principal: 300000000, interest: 1223014, total: 301223014 });
    expect(output.totalInterest).toBe(28839460);
  });

  it('prints a Vietnamese table without --json', async () => {
    const { stdout, code } = await coop(bullet);
    expect(code).toBe(0);
    expect(stdout).toContain('Ngày đến hạn');
    expect(stdout).toMatch(/1\s+29\/02\/2024\s+0\s+1\.144\.110\s+1\.144\.110/);
    expect(stdout).toMatch(/Cộng\s+300\.000\.000\s+28\.839\.460\s+328\.839\.460/);
  });

  it.each([
    ['--rate', ['--rate', '4.825']], // rejected by the engine, mapped to the option
    ['--principal', ['--principal', '3e8']], // parsed by the command itself
  ])('rejects a bad %s with exit code 1 and a message naming it', async (option, override) => {
    const args = [...bullet];
    args[args.indexOf(override[0] as string) + 1] = override[1] as string;
    const { stderr, code } = await coop(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Lỗi: /);
    expect(stderr).toContain(option);
  });

  it('refuses JSON amounts beyond 2^53 − 1 instead of rounding them', async () => {
    const args = [...bullet, '--json'];
    args[args.indexOf('--principal') + 1] = '9007199254740993';
    const { stdout, stderr, code } = await coop(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('JSON');
  });
});

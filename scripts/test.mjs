#!/usr/bin/env node
// `npm test`: the whole suite — unit and in-process API tests, then the browser journeys in Chromium —
// on PGlite, or on PostgreSQL when DATABASE_URL is set. Prints "N passed, N failed" at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(path.join(root, '.tmp'), { recursive: true });

/** Debian packages the suite runs: installed when missing and we are root on Debian, else named. */
function ensurePackages() {
  const needed = [
    { pkg: 'chromium', present: () => existsSync(chromium), why: 'Chromium cho các kiểm thử trình duyệt (hoặc đặt CHROMIUM_PATH)' },
    { pkg: 'libreoffice-calc-nogui', present: () => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0, why: 'LibreOffice (soffice) để mở thử tệp .xlsx xuất ra' },
    { pkg: 'libreoffice-writer-nogui', present: () => existsSync('/usr/lib/libreoffice/program/libswlo.so'), why: 'LibreOffice Writer để chuyển thử công văn .docx sang PDF' },
  ];
  const missing = needed.filter((n) => !n.present());
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Đang cài gói Debian còn thiếu: ${missing.map((m) => m.pkg).join(', ')}…`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing.map((m) => m.pkg)], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const still = needed.filter((n) => !n.present());
  if (still.length > 0) {
    for (const m of still) console.error(`Cần ${m.why}: sudo apt-get install -y ${m.pkg}`);
    process.exit(1);
  }
}

function run(name, config) {
  const out = path.join(root, '.tmp', `vitest-${name}.json`);
  const args = [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  let passed = 0;
  let failed = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numTotalTestSuites > 0 && result.status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  } else if (result.status !== 0) failed = 1;
  return { passed, failed, ok: result.status === 0 };
}

ensurePackages();
const suites = [run('unit', 'vitest.config.ts')];
if (existsSync(path.join(root, 'vitest.e2e.config.ts'))) {
  suites.push(run('e2e', 'vitest.e2e.config.ts'));
}
const passed = suites.reduce((a, s) => a + s.passed, 0);
const failed = suites.reduce((a, s) => a + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(suites.every((s) => s.ok) ? 0 : 1);

// `coop serve` killed with SIGKILL in the middle of a burst of repayments. Afterwards the embedded database opens,
// every payment is there whole (its split adds up and is the one the engine derives from the stored history,
// its audit event beside it) or not at all, none twice, every acknowledged one survived, and sending the same
// idempotency keys to a restarted server completes the burst without a duplicate. The servers are child
// processes on their own embedded data directory, whatever DATABASE_URL the suite runs with.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCoop } from '../../../cli/cli-process.ts';
import { migrateDatabase, openDatabase, queryRows, type Database, type Db } from '../../../db/client.ts';
import { SESSION_COOKIE } from '../../http/session.ts';
import { sessions, users } from '../accounts/accounts.sql.ts';
import type { Actor } from '../accounts/roles.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../tenants/tenants.service.ts';
import { applyForLoan } from './loan-applications.service.ts';
import { replayLoan } from './loan-book.ts';
import { appraiseLoan, decideLoan, signLoanContract } from './loan-decisions.service.ts';
import { getLoanDetail } from './loan-detail.service.ts';
import { disburseLoan } from './loan-events.service.ts';
import { loadHistory, termsOf } from './loan-history.ts';
import { loanPayments, loans } from './loans.sql.ts';
import { createBorrower, issueRules } from './loans.test-support.ts';

const TENANT = DEFAULT_ALLIANCE.id;
const DISBURSED_ON = '2026-01-12';
const PAID_ON = '2026-02-12';
const DISBURSED_VND = 120_000_000n;
const PAYMENT_VND = 1_000_000n;
const BURST = 30;

const dir = mkdtempSync(path.join(tmpdir(), 'coop-loans-crash-'));
const dataDir = path.join(dir, 'data');
let port: number;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An embedded data directory ready for the CLI: from the run's template when it is a PGlite dump, else migrated. */
async function openDataDir(): Promise<Database> {
  const template = inject('templateDatabase');
  const dump = template.endsWith('.tar') && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  const database = await openDatabase({ dataDir, holder: 'loans.crash.test', loadDataDir: dump });
  if (!dump) {
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  }
  return database;
}

/** A fund officer with a session, as the server will read it from the data directory. */
async function fundOfficer(db: Db, name: string): Promise<{ actor: Actor; cookie: string }> {
  const email = `${name}-${randomUUID().slice(0, 8)}@crash.test`;
  const [user] = await db.insert(users).values({ email, passwordHash: 'not-used-sessions-set-directly', role: 'fund_officer', tenantId: TENANT }).returning();
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: user!.id, expiresAt: new Date(Date.now() + 86_400_000) });
  const actor: Actor = { kind: 'user', userId: user!.id, email, role: 'fund_officer', tenantId: TENANT, organisationId: null, communeCode: null };
  return { actor, cookie: `${SESSION_COOKIE}=${token}` };
}

let loanId: string;
let officer: { actor: Actor; cookie: string };

beforeAll(async () => {
  // Only one process may open the data directory: prepare the loan here, close, then start the servers.
  const database = await openDataDir();
  try {
    const db = database.db;
    await issueRules(db);
    const borrower = await createBorrower(db, { name: 'Hợp tác xã Vải thiều Thanh Hà' });
    officer = await fundOfficer(db, 'appraiser');
    const approver = await fundOfficer(db, 'approver');
    const loan = await applyForLoan(db, {
      actor: officer.actor,
      input: { organisationId: borrower.id, purpose: 'Mua máy sấy vải thiều', amountVnd: String(DISBURSED_VND), termMonths: 12, method: 'equal_principal', graceMonths: 0, guarantors: [], appliedOn: DISBURSED_ON },
    });
    await appraiseLoan(db, { actor: officer.actor, id: loan.id, input: { findings: 'Đủ điều kiện', recommendation: 'approve' } });
    await decideLoan(db, { actor: approver.actor, id: loan.id, input: { decision: 'approved', decisionNumber: `QĐ-${loan.code}`, decisionDate: DISBURSED_ON } });
    await signLoanContract(db, { actor: officer.actor, id: loan.id, input: { contractNumber: `HĐ-${loan.code}`, signedOn: DISBURSED_ON } });
    await disburseLoan(db, { actor: officer.actor, id: loan.id, input: { disbursedOn: DISBURSED_ON, amountVnd: String(DISBURSED_VND) } });
    loanId = loan.id;
  } finally {
    await database.close();
  }
}, 120_000);

/** Starts `coop serve` on a port the system picks (PORT=0), which it prints once it listens. */
async function startServer(): Promise<ChildProcess> {
  const ready = /đang chạy: http:\/\/localhost:(\d+) /;
  const server = await startCoop(['serve'], { COOP_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', PORT: '0' }, ready);
  port = Number(ready.exec(server.output())![1]);
  return server.child;
}

type Answer = { key: string; status: number | 'lost'; replayed?: boolean };

/** POSTs one repayment; a connection cut by the kill is 'lost'. `onAnswer` runs as each answer arrives. */
async function pay(key: string, onAnswer: () => void = () => {}): Promise<Answer> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/loans/${loanId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: officer.cookie },
      body: JSON.stringify({ paidOn: PAID_ON, amountVnd: String(PAYMENT_VND), idempotencyKey: key }),
    });
    const body = (await res.json()) as { replayed?: boolean };
    onAnswer();
    return { key, status: res.status, replayed: body.replayed };
  } catch {
    return { key, status: 'lost' };
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

type PaymentRow = typeof loanPayments.$inferSelect;

/** Reopens the data directory in this process (after the server is gone) and checks the loan book is whole. */
async function checkLedger(sentKeys: string[]): Promise<PaymentRow[]> {
  const database = await openDatabase({ dataDir, holder: 'loans.crash.test' });
  try {
    const db = database.db;
    const [loan] = await db.select().from(loans).where(eq(loans.id, loanId));
    const payments = await db.select().from(loanPayments).where(eq(loanPayments.loanId, loanId)).orderBy(asc(loanPayments.seq));
    // Event 1 is the tranche; payments follow without a gap, and the loan row counts exactly them.
    expect(payments.map((p) => p.seq)).toEqual(payments.map((_, i) => i + 2));
    expect(loan!.eventCount).toBe(1 + payments.length);
    expect(loan!.status).toBe('active');
    expect(new Set(payments.map((p) => p.idempotencyKey)).size).toBe(payments.length);
    const { allocations } = replayLoan(termsOf(loan!), (await loadHistory(db, loan!)).events);
    for (const p of payments) {
      expect(sentKeys).toContain(p.idempotencyKey);
      expect(p.amountVnd).toBe(PAYMENT_VND);
      const split = { penaltyVnd: p.penaltyVnd, overdueInterestVnd: p.overdueInterestVnd, overduePrincipalVnd: p.overduePrincipalVnd, currentInterestVnd: p.currentInterestVnd, currentPrincipalVnd: p.currentPrincipalVnd, prepaymentVnd: p.prepaymentVnd };
      expect(Object.values(split).reduce((a, b) => a + b, 0n)).toBe(p.amountVnd);
      expect(allocations.get(p.seq)).toEqual(split);
    }
    const [audit] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where action = 'loan.payment_posted' and entity_id = ${loanId}`);
    expect(audit!.n).toBe(payments.length);
    const principalRepaid = payments.reduce((sum, p) => sum + p.overduePrincipalVnd + p.currentPrincipalVnd + p.prepaymentVnd, 0n);
    const detail = await getLoanDetail(db, { actor: officer.actor, id: loanId, asOf: PAID_ON });
    expect(BigInt(detail.position!.outstandingPrincipalVnd)).toBe(DISBURSED_VND - principalRepaid);
    return payments;
  } finally {
    await database.close();
  }
}

describe('coop serve killed while posting repayments', () => {
  const keys = Array.from({ length: BURST }, (_, i) => `crash-${String(i).padStart(2, '0')}-${randomUUID()}`);
  let committed: string[] = [];

  /** Starts a server, sends every key at once, SIGKILLs it once `killAfter` answers have come, checks the book. */
  async function crashRound(killAfter: number) {
    const server = await startServer();
    let answered = 0;
    const kill = () => {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    };
    // Sent 10 ms apart: the embedded engine serves requests by turns (decision 006), so a burst sent all at once
    // is answered nearly all together, and a kill after the first answers would come after the last.
    const answers = await Promise.all(keys.map((key, i) => new Promise((resolve) => setTimeout(resolve, i * 10)).then(() => pay(key, () => ++answered >= killAfter && kill()))));
    kill(); // in case fewer answers came
    expect(await exited(server)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(answers.some((a) => a.status === 'lost'), 'the kill should cut the burst short').toBe(true);

    const posted = answers.filter((a) => a.status === 201);
    const replayed = answers.filter((a) => a.status === 200);
    expect(posted.length + replayed.length + answers.filter((a) => a.status === 'lost').length).toBe(BURST);
    expect(posted.every((a) => a.replayed === false) && replayed.every((a) => a.replayed === true)).toBe(true);
    // A key is replayed only if it was posted before this round.
    expect(committed).toEqual(expect.arrayContaining(replayed.map((a) => a.key)));

    const before = committed;
    committed = (await checkLedger(keys)).map((p) => p.idempotencyKey);
    // Acknowledged means committed and synced: none of them may be missing after the kill, nor anything posted before.
    expect(committed).toEqual(expect.arrayContaining([...before, ...posted.map((a) => a.key)]));
    expect(committed.slice(0, before.length)).toEqual(before);
    expect(committed.length).toBeLessThan(BURST);
    console.info(`killed after ${answered} answers (${replayed.length} replayed): ${committed.length} of ${BURST} payments committed`);
  }

  it('killed after its first answer: every payment whole or absent, every acknowledged one kept', async () => {
    await crashRound(1);
    expect(committed.length).toBeGreaterThan(0);
  }, 120_000);

  it('restarted on the recovered data, the same keys again, killed a few payments later: still whole', async () => {
    const before = committed.length;
    await crashRound(before + 4);
    expect(committed.length).toBeGreaterThan(before);
  }, 120_000);

  it('restarted once more, the same keys complete the burst: posted ones replayed, the others posted once', async () => {
    const server = await startServer();
    let answers: Answer[];
    try {
      answers = await Promise.all(keys.map((key) => pay(key)));
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited(server)).toEqual({ code: 0, signal: null });
    expect(answers.filter((a) => a.status === 200 && a.replayed === true).map((a) => a.key).sort()).toEqual([...committed].sort());
    expect(answers.filter((a) => a.status === 201 && a.replayed === false)).toHaveLength(BURST - committed.length);

    const payments = await checkLedger(keys);
    expect(payments.map((p) => p.idempotencyKey).sort()).toEqual([...keys].sort());
    // Payments keep their first seq: those posted before the crashes come first, in the order they were posted.
    expect(payments.slice(0, committed.length).map((p) => p.idempotencyKey)).toEqual(committed);
  }, 120_000);
});

/**
 * The access probes of `npm run scan` (scripts/scan.sh), sent to the scan server (scripts/scan-server.ts) on
 * 127.0.0.1: a person of another alliance asks for this alliance's records by id, by search and by `?tenant=`;
 * a role asks for what another role may do; an anonymous request tries the API under an encoded path. Each probe
 * names the answer it must get; the script prints one line per probe and exits 1 when any answer differs.
 *
 *   node --import tsx scripts/scan-probes.ts '<the SCAN_TARGET json>'
 */
type Target = Record<string, string | number>;
type Probe = {
  name: string;
  who: string | null;
  method?: string;
  path: string;
  body?: unknown;
  /** The statuses that pass. */
  expect: number[];
  /** Texts the answer must not contain (another alliance's ids or numbers). */
  absent?: string[];
};

function probes(t: Target): Probe[] {
  const year = Number(String(t.today).slice(0, 4));
  const patch = { version: 1, workers: 1 };
  const payment = { paidOn: t.today, amountVnd: '1000', idempotencyKey: 'scan-probe-0001' };
  const application = { organisationId: t.borrowerId, purpose: 'Thăm dò', amountVnd: '1000000', termMonths: 6, method: 'bullet' };
  const rules = { effectiveFrom: t.today, maxAmountVnd: '1000', maxTermMonths: 1, maxGraceMonths: 0, methods: ['bullet'], annualRatePercent: '1', penaltyRatePercent: 150, minMonthsSinceFounding: 0, sectorGroups: null, kinds: null, maxOpenLoans: null, note: null };
  const foreign = [String(t.organisationId), String(t.loanId), String(t.registrationNumber)];
  return [
    // Another alliance's people: nothing of this alliance, by id, by search, nor by naming its tenant.
    { name: 'registry record by id', who: 'otherStaffCookie', path: `/api/cooperatives/${t.organisationId}`, expect: [404] },
    { name: 'registry record as of a date', who: 'otherStaffCookie', path: `/api/cooperatives/${t.organisationId}?asOf=${t.today}`, expect: [404] },
    { name: 'registry history', who: 'otherStaffCookie', path: `/api/cooperatives/${t.organisationId}/history`, expect: [404] },
    { name: 'registry edit', who: 'otherStaffCookie', method: 'PATCH', path: `/api/cooperatives/${t.organisationId}`, body: patch, expect: [404] },
    { name: 'registry search by registration number', who: 'otherStaffCookie', path: `/api/cooperatives?q=${t.registrationNumber}`, expect: [200], absent: foreign },
    { name: 'registry list naming the tenant', who: 'otherStaffCookie', path: `/api/cooperatives?tenant=${t.tenantId}`, expect: [200, 400, 403], absent: foreign },
    { name: 'import run', who: 'otherStaffCookie', path: `/api/imports/${t.importId}`, expect: [404] },
    { name: 'import report workbook', who: 'otherStaffCookie', path: `/api/imports/${t.importId}/report.xlsx`, expect: [404] },
    { name: 'annual report of another tenant', who: 'otherStaffCookie', path: `/api/reports/annual?year=${year}&tenant=${t.tenantId}`, expect: [403] },
    { name: 'dashboard of another tenant', who: 'otherStaffCookie', path: `/api/reports/dashboard?year=${year}&tenant=${t.tenantId}`, expect: [403] },
    { name: 'annual report workbook of another tenant', who: 'otherStaffCookie', path: `/api/reports/annual.xlsx?year=${year}&tenant=${t.tenantId}`, expect: [403] },
    { name: 'loan by id', who: 'otherFundCookie', path: `/api/loans/${t.loanId}`, expect: [404] },
    { name: 'loan statement', who: 'otherFundCookie', path: `/api/loans/${t.loanId}/statement.pdf`, expect: [404] },
    { name: 'loan payment', who: 'otherFundCookie', method: 'POST', path: `/api/loans/${t.loanId}/payments`, body: payment, expect: [404] },
    { name: 'loan list', who: 'otherFundCookie', path: '/api/loans', expect: [200], absent: foreign },
    { name: 'loan list by borrower', who: 'otherFundCookie', path: `/api/loans?organisationId=${t.borrowerId}`, expect: [200, 404], absent: foreign },
    { name: 'portfolio of another tenant', who: 'otherFundCookie', path: `/api/loans/portfolio?tenant=${t.tenantId}`, expect: [403] },
    { name: 'application for another alliance’s organisation', who: 'otherFundCookie', method: 'POST', path: '/api/loans', body: application, expect: [400, 404] },
    // Roles of the same alliance: what the server refuses.
    { name: 'staff reads a loan', who: 'cookie', path: `/api/loans/${t.loanId}`, expect: [403] },
    { name: 'staff reads the portfolio', who: 'cookie', path: '/api/loans/portfolio', expect: [403] },
    { name: 'fund officer imports', who: 'fundCookie', method: 'POST', path: '/api/imports/cooperatives?dryRun=true', body: {}, expect: [403] },
    { name: 'commune officer edits', who: 'communeCookie', method: 'PATCH', path: `/api/cooperatives/${t.organisationId}`, body: patch, expect: [403] },
    { name: 'manager decides on its own loan', who: 'managerCookie', method: 'POST', path: `/api/loans/${t.loanId}/decision`, body: { decision: 'approved', decisionNumber: 'QĐ', decisionDate: t.today }, expect: [403] },
    { name: 'manager reads another organisation', who: 'managerCookie', path: `/api/cooperatives/${t.organisationId}`, expect: [403, 404] },
    { name: 'manager sets lending rules', who: 'managerCookie', method: 'POST', path: '/api/loans/rules', body: rules, expect: [403] },
    // No session: refused before anything else, whatever the spelling of the path.
    { name: 'anonymous registry', who: null, path: '/api/cooperatives', expect: [401] },
    { name: 'anonymous loan application', who: null, method: 'POST', path: '/api/loans', body: {}, expect: [401] },
    { name: 'anonymous loan application, encoded path', who: null, method: 'POST', path: '/%61pi/loans', body: {}, expect: [401] },
    { name: 'anonymous edit, encoded path', who: null, method: 'PATCH', path: `/api/%63ooperatives/${t.organisationId}`, body: patch, expect: [401] },
  ];
}

async function main(): Promise<void> {
  const target = JSON.parse(process.argv[2] ?? '{}') as Target;
  // Only ever the loopback server the scan started.
  const base = `http://127.0.0.1:${Number(target.port)}`;
  let failed = 0;
  const list = probes(target);
  for (const probe of list) {
    const method = probe.method ?? 'GET';
    const cookie = probe.who ? String(target[probe.who]) : undefined;
    const response = await fetch(base + probe.path, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(probe.body === undefined ? {} : { 'content-type': 'application/json', origin: base }) },
      body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
    });
    const text = await response.text();
    const leaked = (probe.absent ?? []).filter((value) => text.includes(value));
    const ok = probe.expect.includes(response.status) && leaked.length === 0;
    if (!ok) failed++;
    const who = probe.who?.replace(/Cookie$/, '') ?? 'anonymous';
    process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${response.status} ${method} ${probe.path} (${who}: ${probe.name})${leaked.length ? ` leaks ${leaked.join(', ')}` : ''}${ok ? '' : ` expected ${probe.expect.join('|')}`}\n`);
  }
  process.stdout.write(`probes: ${list.length - failed}/${list.length} answered as they must\n`);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`scan-probes: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});

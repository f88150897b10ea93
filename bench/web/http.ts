/**
 * The dashboard's answers over plain HTTP (no browser), against the same server: the first call after start
 * ("cold"), repeated calls, calls that revalidate the previous ETag, and a registry search fired while a
 * dashboard computes.
 */
const REQUEST_TIMEOUT_MS = 30_000;
const SEARCH_TERMS = ['chè', 'vải thiều', 'lúa gạo', 'rau an toàn', 'gốm', 'thủy sản', 'vận tải', 'mây tre', 'nước sạch', 'bưởi'];

type Call = { ms: number; status: number; etag: string | null };

export type Series = { url: string; n: number; coldMs: number | null; p50Ms: number | null; p95Ms: number | null; statuses: Record<string, number> };
export type Revalidation = Series & { etag: boolean };
export type SearchUnderLoad = { n: number; searchAloneP50Ms: number | null; searchP50Ms: number | null; searchMaxMs: number | null; dashboardP50Ms: number | null };
export type HttpFigures = {
  publicDashboard: Series;
  publicDashboardRevalidated: Revalidation;
  staffDashboard: Series;
  staffDashboardRevalidated: Revalidation;
  searchWhileDashboard: SearchUnderLoad;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

async function call(url: string, headers: Record<string, string>): Promise<Call> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br', ...headers }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, etag: response.headers.get('etag') };
}

function summarise(url: string, calls: Call[], coldMs: number | null): Series {
  const statuses: Record<string, number> = {};
  for (const c of calls) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
  const times = calls.map((c) => c.ms);
  return { url, n: calls.length, coldMs: coldMs === null ? null : round1(coldMs), p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), statuses };
}

/**
 * The public routes allow 60 calls a minute from one address: each public call comes from another visitor
 * (X-Forwarded-For, which the bench's server trusts), as the portal's many readers would.
 */
let visitor = 0;
const asVisitor = (headers: Record<string, string>, anonymous: boolean) => {
  visitor += 1;
  return anonymous ? { ...headers, 'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` } : headers;
};

/** The first call on its own, then up to `calls` more within `budgetMs`. */
async function series(url: string, headers: Record<string, string>, calls: number, budgetMs: number): Promise<{ series: Series; lastEtag: string | null }> {
  const anonymous = !headers.cookie;
  const first = await call(url, asVisitor(headers, anonymous));
  const rest: Call[] = [];
  const deadline = Date.now() + budgetMs;
  while (rest.length < calls && Date.now() < deadline) rest.push(await call(url, asVisitor(headers, anonymous)));
  return { series: summarise(url, rest, first.ms), lastEtag: (rest.at(-1) ?? first).etag };
}

/** Each call sends the ETag of the previous answer in If-None-Match (a 304 when nothing changed). */
async function revalidated(url: string, headers: Record<string, string>, etag: string | null, calls: number, budgetMs: number): Promise<Revalidation> {
  if (!etag) return { ...summarise(url, [], null), etag: false };
  const done: Call[] = [];
  const deadline = Date.now() + budgetMs;
  let current = etag;
  while (done.length < calls && Date.now() < deadline) {
    const c = await call(url, asVisitor({ ...headers, 'if-none-match': current }, !headers.cookie));
    current = c.etag ?? current;
    done.push(c);
  }
  return { ...summarise(url, done, null), etag: true };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A staff dashboard of a year nobody asked for yet (a past year, then filters by kind), and 10 ms later a
 * registry search: how long the search waits behind it.
 */
async function searchWhileDashboard(baseUrl: string, cookie: Record<string, string>, repeats: number, budgetMs: number): Promise<SearchUnderLoad> {
  const search = (i: number) => `${baseUrl}/api/cooperatives?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}`;
  const alone: number[] = [];
  for (let i = 0; i < SEARCH_TERMS.length; i++) alone.push((await call(search(i), cookie)).ms);
  const thisYear = new Date().getFullYear();
  const kinds = ['', '&kind=HTX', '&kind=THT'];
  const searches: number[] = [];
  const dashboards: number[] = [];
  const deadline = Date.now() + budgetMs;
  for (let i = 0; i < repeats && Date.now() < deadline; i++) {
    const year = thisYear - 1 - (i % 9);
    const dashboard = call(`${baseUrl}/api/reports/dashboard?year=${year}${kinds[Math.floor(i / 9) % kinds.length]}`, cookie);
    await sleep(10);
    searches.push((await call(search(i + 3), cookie)).ms);
    dashboards.push((await dashboard).ms);
  }
  return { n: searches.length, searchAloneP50Ms: percentile(alone, 50), searchP50Ms: percentile(searches, 50), searchMaxMs: searches.length ? round1(Math.max(...searches)) : null, dashboardP50Ms: percentile(dashboards, 50) };
}

export async function measureHttp(options: { baseUrl: string; sessionToken: string; calls: number; budgetMs: number }): Promise<HttpFigures> {
  const year = new Date().getFullYear();
  const cookie = { cookie: `coop_session=${options.sessionToken}` };
  const publicUrl = `${options.baseUrl}/api/public/reports/dashboard?year=${year}`;
  const staffUrl = `${options.baseUrl}/api/reports/dashboard?year=${year}`;
  const pub = await series(publicUrl, {}, options.calls, options.budgetMs);
  const pubRevalidated = await revalidated(publicUrl, {}, pub.lastEtag, options.calls, options.budgetMs);
  const staff = await series(staffUrl, cookie, options.calls, options.budgetMs);
  const staffRevalidated = await revalidated(staffUrl, cookie, staff.lastEtag, options.calls, options.budgetMs);
  const underLoad = await searchWhileDashboard(options.baseUrl, cookie, 10, options.budgetMs * 2);
  return { publicDashboard: pub.series, publicDashboardRevalidated: pubRevalidated, staffDashboard: staff.series, staffDashboardRevalidated: staffRevalidated, searchWhileDashboard: underLoad };
}

/** Signs in through the API as the login page does; returns the session token. */
export async function logIn(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(account),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`login failed: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('coop_session='));
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie.slice('coop_session='.length).split(';')[0]!;
}

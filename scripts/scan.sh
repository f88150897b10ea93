#!/usr/bin/env bash
# npm run scan: SQL injection (sqlmap) over every route family (registry, imports, loans, reports, public,
# accounts), each as a signed-in user of the role that may use it; web scan (wapiti); access probes across roles
# and alliances (scripts/scan-probes.ts). The target is a server with the demo province, lending rules, a loan and
# a second alliance that scripts/scan-server.ts starts on 127.0.0.1 — never any other host. Runs at any hour: the
# dates it sends are Vietnam's, as the server reports them. Prints one summary line and exits non-zero when a tool
# reports a finding or a probe gets the wrong answer (1), or when a scan could not run properly (2).
#
#   SCAN_CRAWL_TIME   seconds wapiti may crawl (default 120)
#   SCAN_ATTACK_TIME  seconds each wapiti module may attack (default 60)
#   SCAN_OUT          where logs and reports go (default .tmp/scan/<date>)
set -euo pipefail
cd "$(dirname "$0")/.."

CRAWL_TIME=${SCAN_CRAWL_TIME:-120}
ATTACK_TIME=${SCAN_ATTACK_TIME:-60}
OUT=${SCAN_OUT:-.tmp/scan/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# sqlmap and wapiti from Debian (bookworm: sqlmap 1.7.2, wapiti 3.0.4).
missing=()
command -v sqlmap >/dev/null || missing+=(sqlmap)
command -v wapiti >/dev/null || missing+=(wapiti)
if ((${#missing[@]})); then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  echo "Installing ${missing[*]} (apt-get)…"
  "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >"$OUT/apt.log" 2>&1 ||
    { "${as_root[@]}" apt-get update -qq >>"$OUT/apt.log" 2>&1 && "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >>"$OUT/apt.log" 2>&1; } ||
    { echo "scan: cannot install ${missing[*]} (see $OUT/apt.log)" >&2; exit 2; }
fi
SQLMAP_VERSION=$(sqlmap --version 2>/dev/null | head -1)
WAPITI_VERSION=$(wapiti --version 2>/dev/null | tail -1)

[ -f dist/web/index.html ] || npm run build --silent

# The target: started here, stopped on exit whatever happens.
node --import tsx scripts/scan-server.ts >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  grep -q '^SCAN_TARGET ' "$OUT/server.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "scan: the server did not start:" >&2; cat "$OUT/server.log" >&2; exit 2; }
  sleep 0.5
done
TARGET=$(grep -m1 '^SCAN_TARGET ' "$OUT/server.log" | cut -d' ' -f2-)
[ -n "$TARGET" ] || { echo "scan: the server did not report its port in 120 s" >&2; exit 2; }
field() { node -e 'process.stdout.write(String(JSON.parse(process.argv[1])[process.argv[2]]))' "$TARGET" "$1"; }
PORT=$(field port)
COOKIE=$(field cookie)
FUND_COOKIE=$(field fundCookie)
ADMIN_COOKIE=$(field adminCookie)
MANAGER_COOKIE=$(field managerCookie)
COMMUNE_COOKIE=$(field communeCookie)
ORG_ID=$(field organisationId)
BORROWER_ID=$(field borrowerId)
LOAN_ID=$(field loanId)
IMPORT_ID=$(field importId)
TENANT=$(field tenantId)
# Today in Vietnam, from the server: `date` here would give yesterday between 17:00 and 24:00 UTC.
TODAY=$(field today)
YEAR=${TODAY:0:4}
[[ "$TODAY" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "scan: bad date '$TODAY'" >&2; exit 2; }
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "scan: bad port '$PORT'" >&2; exit 2; }
# Built from the port alone: whatever the server printed, nothing but loopback is ever a target.
BASE="http://127.0.0.1:$PORT"
echo "Target $BASE (server pid $SERVER_PID); reports in $OUT"

# Each target must answer 200 as the scanning user: a scan of 401 pages would find nothing and prove nothing.
expect_ok() {
  local cookie=$1 url=$2 code
  code=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$url")
  [ "$code" = 200 ] || { echo "scan: $url answered $code, not 200; the scan would be meaningless" >&2; exit 2; }
}

# --- sqlmap: each query endpoint (all its parameters, or the marked one), and the JSON body of a create ------
sql_findings=0
sql_errors=0
sql_runs=0
# The session of WHO: staff, fund (officer), admin, manager (of the borrowing cooperative), commune (officer) or
# anonymous (none).
cookie_for() {
  case $1 in
    staff) echo "$COOKIE" ;;
    fund) echo "$FUND_COOKIE" ;;
    admin) echo "$ADMIN_COOKIE" ;;
    manager) echo "$MANAGER_COOKIE" ;;
    commune) echo "$COMMUNE_COOKIE" ;;
  esac
}
# run_sqlmap WHO URL [extra sqlmap options…]
run_sqlmap() {
  local who=$1 url=$2 cookie dir found
  shift 2
  cookie=$(cookie_for "$who")
  sql_runs=$((sql_runs + 1))
  dir="$OUT/sqlmap/$sql_runs"
  mkdir -p "$dir"
  echo "sqlmap [$sql_runs] $who ${url#"$BASE"} $*"
  local args=(-u "$url" "$@" --batch --level 2 --risk 1 --threads 4 --flush-session --disable-coloring --output-dir "$dir" -H "Origin: $BASE")
  # A tampered session cookie answers 401, which is the right answer, not a reason to stop.
  [ -n "$cookie" ] && args+=(--cookie "$cookie" --ignore-code 401)
  sqlmap "${args[@]}" >"$dir/stdout.log" 2>&1 || true
  found=$(grep -c 'sqlmap identified the following injection point' "$dir/stdout.log" || true)
  if [ "$found" -gt 0 ]; then
    sql_findings=$((sql_findings + found))
    echo "  INJECTION FOUND (see $dir/stdout.log)"
  elif ! grep -q 'all tested parameters do not appear to be injectable' "$dir/stdout.log"; then
    sql_errors=$((sql_errors + 1))
    echo "  no verdict from sqlmap (see $dir/stdout.log)"
  fi
}
# GET routes of every family, each as a role that gets 200 from it (* marks a path parameter).
for target in \
  "staff|/api/cooperatives?q=hop+tac&kind=HTX&sort=-foundedOn&page=1" \
  "staff|/api/cooperatives/$ORG_ID*" \
  "staff|/api/cooperatives/$ORG_ID?asOf=$TODAY" \
  "staff|/api/cooperatives/$ORG_ID/history" \
  "commune|/api/cooperatives?q=hop+tac&status=active" \
  "staff|/api/imports/$IMPORT_ID*" \
  "anonymous|/api/public/directory?q=hop+tac&kind=HTX&page=1" \
  "anonymous|/api/public/reports/dashboard?tenant=$TENANT&year=$YEAR&kind=HTX" \
  "anonymous|/api/reference/communes?tenant=$TENANT" \
  "staff|/api/reports/annual?year=$YEAR&asOf=$TODAY" \
  "staff|/api/reports/dashboard?year=$YEAR&sector=agriculture&area=L%E1%BA%A1ng+Giang" \
  "staff|/api/reports/dashboard/chart.xlsx?year=$YEAR&chart=communes&kind=HTX" \
  "staff|/api/reports/plans?year=$YEAR" \
  "fund|/api/loans?status=active&organisationId=$BORROWER_ID" \
  "fund|/api/loans/$LOAN_ID*?asOf=$TODAY" \
  "fund|/api/loans/due?from=$TODAY&days=60" \
  "fund|/api/loans/portfolio?asOf=$TODAY" \
  "fund|/api/loans/rules" \
  "manager|/api/loans?status=active" \
  "staff|/api/auth/me"; do
  who=${target%%|*}
  path=${target#*|}
  expect_ok "$(cookie_for "$who")" "$BASE${path//\*/}"
  run_sqlmap "$who" "$BASE$path"
done
# Free text goes into the database as typed: the JSON bodies of the POST/PATCH routes, their text fields marked
# with *. A PATCH carries a stale version after the first probe is stored (409): the text is still a parameter
# of the statement that compares it.
BODY='{"kind":"HTX","name":"Hợp tác xã Quét*","status":"active","foundedOn":"2020-01-01","sectorCode":"agriculture","charterCapitalVnd":"1000000","membersOfficial":7,"membersAssociatedCapital":0,"membersAssociatedNoCapital":0,"workers":3,"address":"Số 1*","representative":"Nguyễn Văn A*"}'
run_sqlmap staff "$BASE/api/cooperatives" --data "$BODY"
run_sqlmap staff "$BASE/api/cooperatives/$ORG_ID" --method PATCH --data '{"version":1,"address":"Số 2*","representative":"Trần Thị B*","registrationNumber":"2400099999*"}'
run_sqlmap fund "$BASE/api/loans" --data "{\"organisationId\":\"$BORROWER_ID\",\"purpose\":\"Mua máy*\",\"amountVnd\":\"10000000\",\"termMonths\":6,\"method\":\"bullet\",\"collateral\":\"Nhà xưởng*\"}"
run_sqlmap fund "$BASE/api/loans/$LOAN_ID/payments" --data "{\"paidOn\":\"$TODAY\",\"amountVnd\":\"1000\",\"idempotencyKey\":\"scan-payment-1*\",\"note\":\"Trả lãi*\"}"
run_sqlmap staff "$BASE/api/reports/plans" --data "{\"year\":$YEAR,\"indicator\":\"newly_established\",\"area\":\"Lạng Giang*\",\"target\":5}"
# The registry import (multipart, dry run: nothing is written): the workbook's cells reach the duplicate checks.
BOUNDARY=----coop-scan
UPLOAD=$(printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="quet.csv"\r\nContent-Type: text/csv\r\n\r\nTên tổ chức,Loại hình,Ngày thành lập,Tình trạng,Lĩnh vực,Mã số HTX\r\nHợp tác xã Quét*,HTX,2020-01-01,Đang hoạt động,Nông nghiệp,2400070069*\r\n--%s--\r\n' "$BOUNDARY" "$BOUNDARY")
run_sqlmap staff "$BASE/api/imports/cooperatives?dryRun=true" --data "$UPLOAD" -H "Content-Type: multipart/form-data; boundary=$BOUNDARY"
# Not here: POST /api/auth/login, limited to 10 a minute (sqlmap would see 429s and prove nothing); its body is
# probed by src/server/injection.test.ts.

# --- access probes: other alliance, other roles, encoded paths --------------------------------------------
echo "probes: tenant isolation and roles (scripts/scan-probes.ts)"
probe_status=0
node --import tsx scripts/scan-probes.ts "$TARGET" >"$OUT/probes.log" 2>&1 || probe_status=$?
cat "$OUT/probes.log"
probe_failures=$(grep -c '^  FAIL' "$OUT/probes.log" || true)
probe_count=$(grep -cE '^  (ok  |FAIL)' "$OUT/probes.log" || true)
[ "$probe_status" -le 1 ] || { echo "scan: the probes could not run (see $OUT/probes.log)" >&2; exit 2; }

# --- wapiti: the web app and the API as the signed-in user --------------------------------------------------
# The session travels as a header. No -x (exclude): in Debian's 3.0.4 under Python 3.11 it crashes the crawler
# (a regex with inline flags); nothing here needs it, as logout is a POST that no HTML page links to.
# Wapiti 3.0.4 loads every module, and its Wappalyzer module downloads a database from GitHub when it has none —
# through the scan's own client, Cookie header included. An empty one keeps the scan on 127.0.0.1 (wapp is not run).
mkdir -p "$OUT/wapiti-config"
echo '{}' >"$OUT/wapiti-config/apps.json"
MODULES=sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,csp,http_headers
echo "wapiti: modules $MODULES, crawl ≤ ${CRAWL_TIME}s, each module ≤ ${ATTACK_TIME}s"
wapiti_status=0
timeout $((CRAWL_TIME + 12 * ATTACK_TIME + 120)) wapiti -u "$BASE/" --scope folder -m "$MODULES" \
  -H "Cookie: $COOKIE" -H "Origin: $BASE" \
  -s "$BASE/registry" -s "$BASE/directory" -s "$BASE/reports" \
  -s "$BASE/api/cooperatives?q=hop+tac&kind=HTX&page=1" \
  -s "$BASE/api/cooperatives/$ORG_ID?asOf=$TODAY" \
  -s "$BASE/api/public/directory?q=hop+tac&kind=HTX&page=1" \
  -s "$BASE/api/reports/annual?year=$YEAR" \
  -s "$BASE/api/reports/dashboard?year=$YEAR&kind=HTX" \
  -s "$BASE/login?next=%2Fregistry" -s "$BASE/api/docs" \
  --max-scan-time "$CRAWL_TIME" --max-attack-time "$ATTACK_TIME" -d 4 --flush-session \
  --store-session "$OUT/wapiti-session" --store-config "$OUT/wapiti-config" \
  -f json -o "$OUT/wapiti.json" -v 1 --no-bugreport >"$OUT/wapiti.log" 2>&1 || wapiti_status=$?
[ -f "$OUT/wapiti.json" ] || { echo "scan: wapiti wrote no report (exit $wapiti_status, see $OUT/wapiti.log)" >&2; exit 2; }

# Wapiti's own summary: every vulnerability and anomaly, less the header it wants that we decline on purpose.
WAPITI_SUMMARY=$(node --input-type=module -e '
import { readFileSync } from "node:fs";
const report = JSON.parse(readFileSync(process.argv[1], "utf8"));
// Helmet sends "X-XSS-Protection: 0" on purpose: the auditor it switched on is gone from browsers and could
// itself be abused to leak data; the CSP (script-src self) is what stops scripts. Wapiti 3.0.4 still asks for "1".
const accepted = (v) => /X-XSS-Protection/.test(v.info);
let findings = 0, acceptedCount = 0;
const lines = [];
for (const [kind, groups] of [["vulnerability", report.vulnerabilities], ["anomaly", report.anomalies]]) {
  for (const [category, items] of Object.entries(groups ?? {})) {
    for (const item of items) {
      const isAccepted = accepted(item);
      if (isAccepted) acceptedCount++; else findings++;
      lines.push(`  ${isAccepted ? "accepted" : kind}: ${category}: ${item.info} ${item.path ?? ""} ${item.parameter ?? ""}`.trimEnd());
    }
  }
}
process.stdout.write(`${findings} ${acceptedCount}\n${lines.join("\n")}\n`);
' "$OUT/wapiti.json")
read -r web_findings web_accepted <<<"$(head -1 <<<"$WAPITI_SUMMARY")"
web_crawled=$(grep -oE 'Wapiti found [0-9]+ URLs' "$OUT/wapiti.log" | grep -oE '[0-9]+' || echo '?')
# A module that crashed has tested nothing.
web_errors=$(grep -c '^Traceback' "$OUT/wapiti.log" || true)
tail -n +2 <<<"$WAPITI_SUMMARY" | sed '/^$/d'

total=$((sql_findings + web_findings + probe_failures))
echo "scan summary: findings=$total (sqlmap: $sql_findings injection points in $sql_runs runs; wapiti: $web_findings, $web_accepted accepted, $web_crawled URLs and forms crawled; probes: $probe_failures wrong answers of $probe_count)" \
  "errors=$((sql_errors + web_errors)); sqlmap $SQLMAP_VERSION, $WAPITI_VERSION; $BASE; ${SECONDS}s; reports in $OUT"
[ "$total" -eq 0 ] || exit 1
[ $((sql_errors + web_errors)) -eq 0 ] || exit 2

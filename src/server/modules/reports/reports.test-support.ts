/**
 * Test helpers of the reports module: the edge-case registry whose answers are worked out by hand in
 * reports.counting.test.ts, reading text back from our PDFs, and converting workbooks with LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Status } from '../../../shared/organisation.ts';
import { systemActor } from '../accounts/roles.ts';
import { bulkInsertOrganisations, type BulkRow } from '../cooperatives/cooperatives.bulk.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { seededRandom } from '../demo/random.ts';
import { ensureAlliance } from '../tenants/tenants.service.ts';
import { queryRows } from './reports.queries.ts';

type Spec = Partial<BulkRow> & { key: string; history?: [Status, string][] };

/** Three communes of today's province 24, to place organisations in. */
export async function threeCommunes(db: Db): Promise<[{ code: string; name: string }, { code: string; name: string }, { code: string; name: string }]> {
  const result = (await db.execute(sql`select code, name from admin_units where version = '2025' and level = 'commune' and province_code = '24' order by code limit 3`)) as unknown as { rows: { code: string; name: string }[] };
  return result.rows as never;
}

/** Inserts organisations described by `specs` into a tenant; returns their ids by key. */
export async function insertOrganisations(db: Db, tenantId: number, specs: Spec[]): Promise<Record<string, string>> {
  const random = seededRandom(99);
  const rows: BulkRow[] = specs.map(({ key, history, ...spec }) => {
    const org: BulkRow = { ...buildOrganisation({ name: `HTX ${key}`, membersAssociatedCapital: 0, membersAssociatedNoCapital: 0, ...spec }, random), ...spec };
    if (history) org.statusHistory = history.map(([status, validFrom]) => ({ status, validFrom }));
    return org;
  });
  const ids = await db.transaction((tx) => bulkInsertOrganisations(tx, { actor: systemActor(tenantId), tenantId, rows }));
  return Object.fromEntries(specs.map((s, i) => [s.key, ids[i]!]));
}

/**
 * `count` more alliances in provinces no alliance has yet, each with one organisation counted and one founded and
 * dissolved in 2023, except the last, which has nothing to count. Returns their ids.
 */
export async function addTestAlliances(db: Db, communes: { code: string }[], count: number): Promise<number[]> {
  const used = (await queryRows<{ province_code: string }>(db, sql`select province_code from alliances`)).map((r) => r.province_code);
  const provinces = await queryRows<{ code: string }>(db, sql`select code from admin_units where version = '2025' and level = 'province' order by code`);
  const free = provinces.map((p) => p.code).filter((c) => !used.includes(c)).slice(0, count);
  for (const [i, code] of free.entries()) {
    await ensureAlliance(db, { id: Number(code), provinceCode: code, name: `Liên minh HTX thử ${code}` });
    if (i === free.length - 1) continue;
    await insertOrganisations(db, Number(code), [
      { key: `${code}a`, registrationNumber: `${code}00000001`, sectorCode: 'agriculture', foundedOn: `${2010 + i}-03-01`, registeredDistrict: 'Lục Nam', currentCommuneCode: communes[i % communes.length]!.code, charterCapitalVnd: `${(i + 1) * 100_000_000}`, membersOfficial: 7 + i, workers: i },
      { key: `${code}b`, registrationNumber: `${code}00000002`, sectorCode: 'transport', foundedOn: '2023-05-05', status: 'dissolved', dissolvedOn: '2023-08-08', registeredDistrict: 'Tân Yên', currentCommuneCode: null, history: [['active', '2023-05-05'], ['dissolved', '2023-08-08']] },
    ]);
  }
  return free.map(Number);
}

/**
 * The edge cases of the counting rule (keys A–R), answers in reports.counting.test.ts. Capital of every
 * organisation that must not count is 999,999,999,999 đồng, so a wrong inclusion shows in the total.
 */
export function edgeCaseSpecs(c: { code: string }[]): Spec[] {
  const [c1, c2, c3] = c.map((x) => x.code);
  const never = { charterCapitalVnd: '999999999999', membersOfficial: 1000, workers: 1000 };
  return [
    { key: 'A', sectorCode: 'agriculture', foundedOn: '2015-03-12', registeredDistrict: 'Lạng Giang', currentCommuneCode: c1, charterCapitalVnd: '1000000000', membersOfficial: 10, membersAssociatedCapital: 2, membersAssociatedNoCapital: 3, workers: 5 },
    { key: 'B', sectorCode: 'trade_services', foundedOn: '2023-12-31', registeredDistrict: 'Lạng Giang', currentCommuneCode: c1, charterCapitalVnd: '500000000', membersOfficial: 7, workers: 2 },
    { key: 'C', sectorCode: 'agriculture', foundedOn: '2010-01-01', status: 'dissolved', dissolvedOn: '2023-01-01', registeredDistrict: 'Yên Dũng', currentCommuneCode: c2, history: [['active', '2010-01-01'], ['dissolved', '2023-01-01']], ...never },
    { key: 'D', kind: 'QTDND', sectorCode: 'credit_fund', foundedOn: '2012-05-05', status: 'dissolved', dissolvedOn: '2024-02-01', registeredDistrict: 'Yên Dũng', currentCommuneCode: c2, history: [['active', '2012-05-05'], ['dissolved', '2024-02-01']], charterCapitalVnd: '2000000000', membersOfficial: 300, workers: 10 },
    { key: 'E', sectorCode: 'agriculture', foundedOn: '2018-01-01', status: 'suspended', registeredDistrict: 'Tân Yên', currentCommuneCode: c2, history: [['active', '2018-01-01'], ['suspended', '2023-06-01']], charterCapitalVnd: '300000000', membersOfficial: 20, workers: 0 },
    { key: 'F', sectorCode: 'industry_handicraft', foundedOn: '2016-04-04', status: 'stopped', registeredDistrict: 'Lạng Giang', currentCommuneCode: c1, history: [['active', '2016-04-04'], ['stopped', '2021-03-01']], charterCapitalVnd: '250000000', membersOfficial: 9, workers: 1 },
    { key: 'G', sectorCode: 'agriculture', foundedOn: '2019-07-07', status: 'revoked', registeredDistrict: 'Hiệp Hòa', currentCommuneCode: c3, history: [['active', '2019-07-07'], ['revoked', '2023-09-09']], ...never },
    { key: 'H', sectorCode: 'agriculture', foundedOn: '2024-01-01', registeredDistrict: 'Lạng Giang', currentCommuneCode: c1, ...never },
    { key: 'I', sectorCode: 'fishery', foundedOn: '2014-08-08', registeredDistrict: 'Việt Yên', registeredCommune: 'Xã Vân Trung', currentCommuneCode: c2, charterCapitalVnd: '150000000', membersOfficial: 11, workers: 3 },
    { key: 'J', sectorCode: 'agriculture', foundedOn: '2023-02-02', status: 'dissolved', dissolvedOn: '2023-11-11', registeredDistrict: 'Lạng Giang', currentCommuneCode: c1, history: [['active', '2023-02-02'], ['dissolved', '2023-11-11']], ...never },
    { key: 'K', sectorCode: 'forestry', foundedOn: '2011-11-11', registeredDistrict: 'Tân Yên', currentCommuneCode: c2, history: [['active', '2011-11-11'], ['suspended', '2022-05-01'], ['active', '2023-04-01']], charterCapitalVnd: '100000000', membersOfficial: 12, workers: 4 },
    { key: 'L', sectorCode: 'construction', foundedOn: '2013-03-03', status: 'dissolving', registeredDistrict: 'Yên Dũng', currentCommuneCode: c2, history: [['active', '2013-03-03'], ['dissolving', '2023-10-01']], charterCapitalVnd: '50000000', membersOfficial: 13, workers: 0 },
    { key: 'M', sectorCode: 'trade_services', foundedOn: '2009-09-09', status: 'converted', registeredDistrict: 'Lục Nam', currentCommuneCode: c3, history: [['active', '2009-09-09'], ['converted', '2023-05-05']], ...never },
    { key: 'N', kind: 'THT', sectorCode: 'agriculture', foundedOn: '2020-02-20', registeredDistrict: null, registeredCommune: null, currentCommuneCode: null, charterCapitalVnd: '0', membersOfficial: 2, workers: 1 },
    { key: 'O', sectorCode: 'transport', foundedOn: '2017-01-01', registeredDistrict: 'Lục Nam', currentCommuneCode: c3, history: [['active', '2017-01-01'], ['active', '2017-01-01']], charterCapitalVnd: '1234567890', membersOfficial: 8, workers: 6 },
    { key: 'P', sectorCode: 'agriculture', foundedOn: '2008-08-08', dissolvedOn: '2022-06-30', registeredDistrict: 'Lục Nam', currentCommuneCode: c3, history: [['active', '2008-08-08']], ...never },
    { key: 'R', sectorCode: 'agriculture', foundedOn: '2000-01-15', registeredDistrict: 'Lục Nam', currentCommuneCode: c3, charterCapitalVnd: '7000000000000', membersOfficial: 50, workers: 20 },
  ];
}

/**
 * The text a PDF of ours shows, in drawing order: pdfkit writes glyph ids, so each font's ToUnicode map
 * turns them back into characters. Enough for our own documents, not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = m.index! + m[0].indexOf('stream') + 'stream'.length + (raw[m.index! + m[0].indexOf('stream') + 6] === '\r' ? 2 : 1);
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    let stream: string;
    try {
      stream = inflateSync(bytes).toString('latin1');
    } catch {
      stream = bytes.toString('latin1');
    }
    objects.set(Number(m[1]), { dict: body.slice(0, at), stream });
  }
  const cmaps = new Map<string, Map<number, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(Number(m[2]));
    const ref = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (cmap) cmaps.set(m[1]!, parseCmap(cmap));
  }
  let text = '';
  for (const { stream } of objects.values()) {
    if (!stream || !stream.includes(' Tf')) continue;
    let font: Map<number, string> | undefined;
    for (const op of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[(.*?)\] TJ|<([0-9a-fA-F]+)> Tj|\bET\b/g)) {
      if (op[1]) font = cmaps.get(op[1]);
      else if (op[0] === 'ET') text += '\n';
      else for (const hex of (op[2] ?? `<${op[3]}>`).matchAll(/<([0-9a-fA-F]+)>/g)) text += decodeHex(hex[1]!, font);
    }
  }
  return text;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const char = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
    const first = parseInt(m[1]!, 16);
    [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((u, i) => map.set(first + i, char(u[1]!)));
  }
  for (const m of cmap.matchAll(/<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>\s*$/gm)) map.set(parseInt(m[1]!, 16), char(m[2]!));
  return map;
}

function decodeHex(hex: string, font: Map<number, string> | undefined): string {
  return (hex.match(/.{4}/g) ?? []).map((g) => font?.get(parseInt(g, 16)) ?? '\uFFFD').join('');
}

/** True when LibreOffice can be run here. */

/** Converts every sheet of a workbook to CSV (UTF-8, cells as shown) with LibreOffice; sheet name → text. */
export function workbookToCsv(xlsx: Buffer): Map<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coop-report-'));
  const file = path.join(dir, 'report.xlsx');
  writeFileSync(file, xlsx);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  const sheets = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const m = /^report-(.*)\.csv$/.exec(name);
    if (m) sheets.set(m[1]!, readFileSync(path.join(dir, name), 'utf8'));
  }
  return sheets;
}

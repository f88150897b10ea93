import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Status } from '../../../shared/organisation.ts';
import { SECTORS, type SectorCode } from '../../../shared/sectors.ts';
import { adminUnitMappings } from '../admin-units/admin-units.sql.ts';
import { systemActor } from '../accounts/roles.ts';
import { bulkInsertOrganisations, type BulkRow } from '../cooperatives/cooperatives.bulk.ts';
import { generateDemoEmulation } from './demo.emulation.ts';
import { buildOrganisation, buildRegistrationNumber } from './factories.ts';
import { generateDemoAwards } from './demo.awards.ts';
import { generateDemoPortal } from './demo.portal.ts';
import { generateDemoLibrary } from './demo.library.ts';
import { seededRandom, type Random } from './random.ts';

/** The seed article's figures for 31/12/2023, which the demo province reproduces exactly. */
export const DEMO_TARGETS = {
  asOf: '2023-12-31',
  total: 1116,
  agriculture: 731,
  nonAgriculture: 365,
  creditFunds: 20,
  newlyEstablished2023: 101,
  charterCapitalVnd: 2_772_000_000_000n,
  members: 42_153,
} as const;

export type Commune = { name: string; district: string; currentCode: string };

async function oldCommunes(db: Db, provinceKey: string): Promise<Commune[]> {
  const rows = await db
    .selectDistinctOn([adminUnitMappings.oldCode], { name: adminUnitMappings.oldName, district: adminUnitMappings.oldDistrictName, currentCode: adminUnitMappings.newCode })
    .from(adminUnitMappings)
    .where(eq(adminUnitMappings.oldProvinceKey, provinceKey))
    .orderBy(adminUnitMappings.oldCode, adminUnitMappings.newCode);
  // Districts as the alliance wrote them in 2023 (Chũ was still part of Lục Ngạn).
  const district = (d: string | null) => (d ?? '').replace(/^Thành phố /, 'TP ').replace(/^(Huyện|Thị xã) /, '').replace(/^Chũ$/, 'Lục Ngạn');
  return rows.map((r) => ({ name: r.name, district: district(r.district), currentCode: r.currentCode }));
}

/** Splits `total` in proportion to `weights` into integers that add up exactly (largest remainder). */
export function apportion(total: bigint, weights: number[]): bigint[] {
  const scale = 1_000_000n;
  const w = weights.map((x) => BigInt(Math.max(1, Math.round(x * 1_000_000))) * scale);
  const sum = w.reduce((a, b) => a + b, 0n);
  const shares = w.map((x) => (total * x) / sum);
  let rest = total - shares.reduce((a, b) => a + b, 0n);
  const order = w.map((x, i) => ({ i, rem: (total * x) % sum })).sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (rest <= 0n) break;
    shares[i]! += 1n;
    rest -= 1n;
  }
  return shares;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const randomDate = (r: Random, year: number) => iso(year, r.int(1, 12), r.int(1, 28));

function sectorsFor(r: Random): SectorCode[] {
  const pickMany = (n: number, pool: [SectorCode, number][]) =>
    Array.from({ length: n }, () => {
      let x = r.next() * pool.reduce((a, [, w]) => a + w, 0);
      for (const [code, w] of pool) if ((x -= w) < 0) return code;
      return pool[0]![0];
    });
  return [
    ...pickMany(DEMO_TARGETS.agriculture, [['agriculture', 75], ['forestry', 8], ['fishery', 17]]),
    ...pickMany(DEMO_TARGETS.nonAgriculture, [['industry_handicraft', 25], ['construction', 10], ['transport', 15], ['trade_services', 30], ['environment', 10], ['electricity_water', 10]]),
    ...Array<SectorCode>(DEMO_TARGETS.creditFunds).fill('credit_fund'),
  ];
}

/** Founding year of a counted organisation: 101 in 2023, the rest spread over 1997–2022, more in later years. */
function foundingYear(r: Random, index: number): number {
  if (index % 11 === 0 && index / 11 < DEMO_TARGETS.newlyEstablished2023) return 2023;
  return 2022 - Math.floor(Math.pow(r.next(), 1.6) * 26);
}

/**
 * A Bắc Giang-like province as the seed article describes it on 31/12/2023, with ten years of history:
 * 1,116 organisations counted then (731/365/20), 101 founded in 2023, 2,772 billion VND of charter capital,
 * 42,153 members; plus organisations dissolved before 2024 and founded since.
 */
export async function generateDemoProvince(db: Db, { tenantId, seed = 2023, provinceKey = 'bac giang' }: { tenantId: number; seed?: number; provinceKey?: string }) {
  const communes = await oldCommunes(db, provinceKey);
  if (communes.length === 0) throw new Error('Chưa nạp danh mục đơn vị hành chính.');
  const rows = buildDemoRows(communes, seed);
  await db.transaction(async (tx) => {
    await bulkInsertOrganisations(tx, { actor: systemActor(tenantId), tenantId, rows });
  });
  // The seed's 2023 awards and a few of other years (decision 010).
  await generateDemoAwards(db, { tenantId });
  // The cooperatives' emulation block of 2024 and its signed pact (decision 010).
  await generateDemoEmulation(db, { tenantId });
  // The portal: categories, fixed pages, the seed article and the news of 2024–2026 (decision 009).
  await generateDemoPortal(db, { tenantId });
  // The portal's legal documents and events (decision 009).
  await generateDemoLibrary(db, { tenantId });
  return { organisations: rows.length };
}

/** The demo province's organisations, computed without a database: the same seed gives the same rows. */
export function buildDemoRows(communes: Commune[], seed: number, registrationPrefix = '24'): BulkRow[] {
  const r = seededRandom(seed);
  const rows: BulkRow[] = [];
  const issued = new Set<string>();
  const make = (sectorCode: SectorCode, foundedOn: string, extra: Partial<BulkRow> = {}): BulkRow => {
    const commune = r.pick(communes);
    let registrationNumber = buildRegistrationNumber(r, registrationPrefix);
    while (issued.has(registrationNumber)) registrationNumber = buildRegistrationNumber(r, registrationPrefix);
    issued.add(registrationNumber);
    return {
      ...buildOrganisation({ sectorCode, foundedOn, registeredCommune: commune.name, registeredDistrict: commune.district, registrationNumber }, r),
      currentCommuneCode: commune.currentCode,
      ...extra,
    };
  };

  // Counted on 31/12/2023.
  const counted = sectorsFor(r).map((sector, i) => make(sector, randomDate(r, foundingYear(r, i))));
  const capital = apportion(DEMO_TARGETS.charterCapitalVnd / 1_000_000n, counted.map((o) => (o.sectorCode === 'credit_fund' ? 8 : 0.3 + r.next() * 2)));
  const minimum = (o: BulkRow) => (o.sectorCode === 'credit_fund' ? 300 : 7);
  const base = counted.reduce((a, o) => a + minimum(o), 0);
  const extraMembers = apportion(BigInt(DEMO_TARGETS.members - base), counted.map((o) => (o.sectorCode === 'credit_fund' ? 40 : r.next() * 2)));
  counted.forEach((o, i) => {
    o.charterCapitalVnd = (capital[i]! * 1_000_000n).toString();
    o.membersOfficial = minimum(o) + Number(extraMembers[i]);
    if (i % 37 === 5 && o.sectorCode !== 'credit_fund') o.kind = 'LHHTX';
    const roll = r.next();
    if (roll < 0.03) setStatus(o, 'suspended', randomDate(r, 2023));
    else if (roll < 0.05) setStatus(o, 'stopped', randomDate(r, 2022));
    else if (roll < 0.09) setStatus(o, 'dissolved', randomDate(r, r.pick([2024, 2025])));
  });
  Object.assign(counted[3]!, { name: 'Hợp tác xã Bưởi Diễn Tân Yên', sectorCode: 'agriculture' });
  Object.assign(counted[4]!, { name: 'HTX Nấm Linh Chi Đồng Kỳ', sectorCode: 'agriculture' });
  Object.assign(counted[400]!, { name: 'Hợp tác xã Gốm Thổ Hà' });
  rows.push(...counted);

  // Dissolved before 2024, and founded since.
  for (let year = 2014; year <= 2023; year++) {
    for (let k = 0; k < 8; k++) {
      const o = make(r.pick(SECTORS.filter((s) => s.group !== 'credit_fund')).code, randomDate(r, year - r.int(3, 15)));
      setStatus(o, 'dissolved', randomDate(r, year));
      rows.push(o);
    }
  }
  for (const [year, count] of [[2024, 95], [2025, 70], [2026, 40]] as const) {
    for (let k = 0; k < count; k++) rows.push(make(r.pick(SECTORS.filter((s) => s.group !== 'credit_fund')).code, iso(year, r.int(1, year === 2026 ? 10 : 12), r.int(1, 28))));
  }

  return rows;
}

function setStatus(o: BulkRow, status: Status, since: string): void {
  const validFrom = since < o.foundedOn ? o.foundedOn : since;
  o.status = status;
  o.statusSince = validFrom;
  if (status === 'dissolved') o.dissolvedOn = validFrom;
  o.statusHistory = [{ status: 'active', validFrom: o.foundedOn }, { status, validFrom }];
}

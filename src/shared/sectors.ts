/**
 * The canonical sectors of cooperatives and the three groups provincial reports split them into
 * (see docs: shared/domain/cooperatives.md, "Sectors and reporting groups").
 */
import { searchKey } from './vietnamese-text.ts';

export type SectorGroup = 'agriculture' | 'non_agriculture' | 'credit_fund';

export type SectorCode =
  | 'agriculture'
  | 'forestry'
  | 'fishery'
  | 'industry_handicraft'
  | 'construction'
  | 'transport'
  | 'trade_services'
  | 'environment'
  | 'electricity_water'
  | 'credit_fund';

export interface Sector {
  readonly code: SectorCode;
  /** Canonical Vietnamese name, as reports print it. */
  readonly name: string;
  readonly group: SectorGroup;
}

/** The reporting groups in report order, with the labels reports print. */
export const SECTOR_GROUPS: readonly { readonly code: SectorGroup; readonly name: string }[] = [
  { code: 'agriculture', name: 'Nông nghiệp, lâm nghiệp, thủy sản' },
  { code: 'non_agriculture', name: 'Phi nông nghiệp' },
  { code: 'credit_fund', name: 'Quỹ tín dụng nhân dân' },
];

/** Every sector in report order. */
export const SECTORS: readonly Sector[] = [
  { code: 'agriculture', name: 'Nông nghiệp', group: 'agriculture' },
  { code: 'forestry', name: 'Lâm nghiệp', group: 'agriculture' },
  { code: 'fishery', name: 'Thủy sản', group: 'agriculture' },
  { code: 'industry_handicraft', name: 'Công nghiệp - Tiểu thủ công nghiệp', group: 'non_agriculture' },
  { code: 'construction', name: 'Xây dựng', group: 'non_agriculture' },
  { code: 'transport', name: 'Vận tải', group: 'non_agriculture' },
  { code: 'trade_services', name: 'Thương mại - Dịch vụ', group: 'non_agriculture' },
  { code: 'environment', name: 'Môi trường', group: 'non_agriculture' },
  { code: 'electricity_water', name: 'Điện, nước', group: 'non_agriculture' },
  { code: 'credit_fund', name: 'Quỹ tín dụng nhân dân', group: 'credit_fund' },
];

/**
 * Other spellings seen in spreadsheets, as search keys (after "và" and a leading "ngành"/"lĩnh vực" are
 * dropped). Only unambiguous ones: a bare "CN" or "NN" could mean several things, so they are left out.
 */
const ALIASES: Readonly<Record<SectorCode, readonly string[]>> = {
  agriculture: [],
  forestry: [],
  fishery: ['nuoi trong thuy san'],
  industry_handicraft: [
    'cn ttcn',
    'cnttcn',
    'ttcn',
    'cong nghiep ttcn',
    'cong nghiep tieu thu cong nghiep',
    'tieu thu cong nghiep',
    'cong nghiep',
    'tieu thu cong',
  ],
  construction: [],
  transport: ['giao thong van tai', 'gtvt'],
  trade_services: ['tm dv', 'tmdv', 'thuong mai', 'dich vu', 'thuong mai dich vu', 'dich vu thuong mai'],
  environment: ['ve sinh moi truong'],
  electricity_water: ['dien nuoc', 'dien', 'nuoc', 'nuoc sach', 'dien nang'],
  credit_fund: ['qtdnd', 'qtd', 'quy tin dung', 'quy tdnd'],
};

/** Reduces a spelling to the form the alias table is keyed by. */
function sectorKey(text: string): string {
  const words = searchKey(text)
    .split(' ')
    .filter((word) => word !== 'va');
  if (words[0] === 'nganh') words.shift();
  else if (words[0] === 'linh' && words[1] === 'vuc') words.splice(0, 2);
  return words.join(' ');
}

const SECTOR_BY_KEY: ReadonlyMap<string, Sector> = buildSectorIndex();

function buildSectorIndex(): Map<string, Sector> {
  const index = new Map<string, Sector>();
  for (const sector of SECTORS) {
    for (const spelling of [sector.name, sector.code.replaceAll('_', ' '), ...ALIASES[sector.code]]) {
      const key = sectorKey(spelling);
      const taken = index.get(key);
      // Fail at load rather than let a later alias silently steal an earlier sector's spelling.
      if (taken && taken !== sector) throw new Error(`Sector spelling "${spelling}" is ambiguous`);
      index.set(key, sector);
    }
  }
  return index;
}

/**
 * The sector a spreadsheet spelling names, whatever its case, spacing, Unicode form, tone placement or
 * abbreviation ("CN-TTCN", "QTDND", "TM-DV"); undefined when it names none (or only a group).
 */
export function matchSector(text: string): Sector | undefined {
  return SECTOR_BY_KEY.get(sectorKey(text));
}

/** The sector with this code; throws on an unknown code, which is a programming error. */
export function getSector(code: SectorCode): Sector {
  const sector = SECTORS.find((s) => s.code === code);
  if (!sector) throw new Error(`Unknown sector code: ${code}`);
  return sector;
}

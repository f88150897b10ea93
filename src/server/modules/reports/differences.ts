/**
 * Why a closed year's live figures no longer match its frozen ones: each figure is a sum of what every
 * organisation contributes to it, so the organisations whose contribution changed explain the difference.
 */
import { KIND_LABELS, STATUS_LABELS, type Kind, type Status } from '../../../shared/organisation.ts';
import { SECTOR_GROUPS } from '../../../shared/sectors.ts';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { UNKNOWN_AREA, UNKNOWN_COMMUNE } from './annual-report.build.ts';
import type { FactRow } from './reports.queries.ts';

type Contribution = (f: FactRow) => bigint;
type Figure = { key: string; label: string; contribution: Contribution };

const one = (condition: boolean) => (condition ? 1n : 0n);
const counted = (f: FactRow) => f.counted;
const areaOf = (f: FactRow) => f.area ?? UNKNOWN_AREA;
const communeOf = (f: FactRow) => f.commune_name ?? f.commune_code ?? UNKNOWN_COMMUNE;

const HEADLINE: Figure[] = [
  { key: 'total', label: 'Tổng số tổ chức', contribution: (f) => one(counted(f)) },
  { key: 'active', label: 'Đang hoạt động', contribution: (f) => one(counted(f) && f.status_at === 'active') },
  { key: 'suspended', label: 'Tạm ngừng, ngừng hoạt động', contribution: (f) => one(counted(f) && (f.status_at === 'suspended' || f.status_at === 'stopped')) },
  { key: 'newlyEstablished', label: 'Thành lập mới', contribution: (f) => one(f.newly_established) },
  { key: 'dissolved', label: 'Giải thể', contribution: (f) => one(f.ended_in_year && f.end_status !== 'converted') },
  { key: 'charterCapitalVnd', label: 'Vốn điều lệ (đồng)', contribution: (f) => (counted(f) ? BigInt(f.charter_capital_vnd) : 0n) },
  { key: 'members', label: 'Thành viên', contribution: (f) => (counted(f) ? BigInt(f.members) : 0n) },
  { key: 'workers', label: 'Lao động', contribution: (f) => (counted(f) ? BigInt(f.workers) : 0n) },
];

function breakdownFigures(rows: FactRow[]): Figure[] {
  const areas = [...new Set(rows.map(areaOf))];
  const communes = [...new Set(rows.map(communeOf))];
  const kinds = [...new Set(rows.map((f) => f.kind))];
  return [
    ...SECTOR_GROUPS.map((g) => ({ key: `sectorGroup:${g.code}`, label: g.name, contribution: (f: FactRow) => one(counted(f) && f.sector_group === g.code) })),
    ...kinds.map((k) => ({ key: `kind:${k}`, label: KIND_LABELS[k as Kind] ?? k, contribution: (f: FactRow) => one(counted(f) && f.kind === k) })),
    ...areas.map((a) => ({ key: `area:${a}`, label: a, contribution: (f: FactRow) => one(counted(f) && areaOf(f) === a) })),
    ...communes.map((c) => ({ key: `commune:${c}`, label: c, contribution: (f: FactRow) => one(counted(f) && communeOf(f) === c) })),
  ];
}

/** What an organisation absent from one side contributes there: nothing. */
const absent = (f: FactRow): FactRow => ({ ...f, counted: false, newly_established: false, ended_in_year: false });

const COMPARED: { field: string; label: string; read: (f: FactRow) => string | number | boolean | null }[] = [
  { field: 'counted', label: 'Được tính trong tổng số', read: (f) => f.counted },
  { field: 'status', label: 'Tình trạng', read: (f) => STATUS_LABELS[f.status_at as Status] ?? f.status_at },
  { field: 'kind', label: 'Loại hình', read: (f) => f.kind },
  { field: 'sectorGroup', label: 'Nhóm lĩnh vực', read: (f) => f.sector_group },
  { field: 'sector', label: 'Lĩnh vực', read: (f) => f.sector_code },
  { field: 'area', label: 'Địa bàn đăng ký', read: areaOf },
  { field: 'commune', label: 'Xã/phường hiện nay', read: communeOf },
  { field: 'newlyEstablished', label: 'Thành lập trong năm', read: (f) => f.newly_established },
  { field: 'dissolved', label: 'Chấm dứt trong năm', read: (f) => f.ended_in_year },
  { field: 'charterCapitalVnd', label: 'Vốn điều lệ (đồng)', read: (f) => f.charter_capital_vnd },
  { field: 'members', label: 'Thành viên', read: (f) => f.members },
  { field: 'workers', label: 'Lao động', read: (f) => f.workers },
];

/** Frozen against live facts: every figure side by side, and the organisations that changed. */
export function compareFacts(frozenRows: FactRow[], liveRows: FactRow[]) {
  const frozenById = new Map(frozenRows.map((f) => [f.organisation_id, f]));
  const liveById = new Map(liveRows.map((f) => [f.organisation_id, f]));
  const pairs = [...new Set([...frozenById.keys(), ...liveById.keys()])].map((id) => {
    const frozen = frozenById.get(id);
    const live = liveById.get(id);
    return { id, frozen: frozen ?? absent(live!), live: live ?? absent(frozen!) };
  });

  const figures = [...HEADLINE, ...breakdownFigures([...frozenRows, ...liveRows])]
    .map((figure) => {
      let frozen = 0n;
      let live = 0n;
      const organisations: string[] = [];
      for (const p of pairs) {
        const before = figure.contribution(p.frozen);
        const after = figure.contribution(p.live);
        frozen += before;
        live += after;
        if (before !== after) organisations.push(p.id);
      }
      const asNumber = (v: bigint) => (figure.key === 'charterCapitalVnd' ? v.toString() : Number(v));
      return { key: figure.key, label: figure.label, frozen: asNumber(frozen), live: asNumber(live), difference: asNumber(live - frozen), organisations };
    })
    .filter((f, i) => i < HEADLINE.length || f.organisations.length > 0);

  const organisations = sortByVietnamese(pairs
    .map((p) => {
      const changes = COMPARED.map((c) => ({ field: c.field, label: c.label, frozen: c.read(p.frozen), live: c.read(p.live) }))
        .filter((c) => c.frozen !== c.live)
        // Where an organisation only entered or left the count, its other fields did not change the figures.
        .filter((c) => c.field === 'counted' || (p.frozen.counted && p.live.counted) || c.field === 'newlyEstablished' || c.field === 'dissolved');
      const effect = !p.frozen.counted && p.live.counted ? 'added' : p.frozen.counted && !p.live.counted ? 'removed' : 'changed';
      return { organisationId: p.id, name: (liveById.get(p.id) ?? frozenById.get(p.id))!.name, effect, changes };
    })
    .filter((o) => o.changes.length > 0), (o) => o.name);

  return { figures, organisations };
}

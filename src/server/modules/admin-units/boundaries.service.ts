import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { searchKey, stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../cooperatives/cooperatives.policy.ts';
import { auditEntityId } from '../reports/audit-entity.ts';
import { findCurrentCommunes, getTenantProvince } from './admin-units.service.ts';
import { BoundaryFeature, BoundaryFile, MAX_BOUNDARY_POSITIONS, type BoundaryLoadReport } from './boundaries.schemas.ts';
import { communeBoundaries } from './boundaries.sql.ts';

// Property names that carry a commune's code or name in the files people have (GSO, QGIS exports).
const CODE_PROPERTIES = ['ma_xa', 'maxa', 'ma', 'code', 'ward_code', 'commune_code', 'id_xa'];
const NAME_PROPERTIES = ['ten_xa', 'tenxa', 'ten', 'name', 'ward_name', 'commune_name', 'name_3'];

/** A commune with the keys its name is matched by: whole, and without its type prefix. */
type Commune = { code: string; name: string; fullKey: string; bareKey: string };

/** The value of the first property named like one of `names` (any case). */
function property(properties: Record<string, unknown> | null | undefined, names: string[]): string | null {
  if (!properties) return null;
  for (const [key, value] of Object.entries(properties)) {
    if (names.includes(key.toLowerCase()) && (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') {
      return String(value).trim();
    }
  }
  return null;
}

function countPositions(feature: BoundaryFeature): number {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

/** Finds the commune a feature draws: by its code, else by its name without the type prefix. */
function matchCommune(feature: BoundaryFeature, communes: Commune[]): { commune: Commune } | { reason: string } {
  const code = property(feature.properties, CODE_PROPERTIES);
  if (code && /^\d+$/.test(code)) {
    const byCode = communes.find((c) => c.code === code.padStart(5, '0'));
    if (byCode) return { commune: byCode };
  }
  const name = property(feature.properties, NAME_PROPERTIES);
  if (!name) return { reason: code ? `mã ${code} không phải xã/phường nào của tỉnh` : 'không có mã hay tên xã/phường (thuộc tính ma_xa hoặc ten_xa)' };
  const exact = communes.filter((c) => c.fullKey === searchKey(name));
  if (exact.length === 1) return { commune: exact[0]! };
  const key = searchKey(stripUnitPrefix(name));
  const same = communes.filter((c) => c.bareKey === key);
  if (same.length === 1) return { commune: same[0]! };
  if (same.length > 1) return { reason: `có ${same.length} xã/phường cùng tên "${name}"; hãy ghi cả loại (Xã/Phường) hoặc mã` };
  return { reason: `không có xã/phường "${name}" trong tỉnh` };
}

/** Validates every feature, naming the first bad one; nothing is written when the file is not sound. */
function readFeatures(file: unknown): BoundaryFeature[] {
  const outer = BoundaryFile.safeParse(file);
  if (!outer.success) throw new AppError('bad_request', outer.error.issues[0]!.message, { field: 'features' });
  let positions = 0;
  return outer.data.features.map((raw, i) => {
    const parsed = BoundaryFeature.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
      throw new AppError('bad_request', `Vùng thứ ${i + 1}${where}: ${issue.message}.`, { field: `features.${i}.${issue.path.join('.')}`.replace(/\.$/, '') });
    }
    positions += countPositions(parsed.data);
    if (positions > MAX_BOUNDARY_POSITIONS) {
      throw new AppError('bad_request', `Tệp có quá ${MAX_BOUNDARY_POSITIONS.toLocaleString('vi-VN')} điểm; hãy đơn giản hoá ranh giới (QGIS: Simplify) rồi tải lại.`, { field: 'features' });
    }
    return parsed.data;
  });
}

/**
 * Loads the boundaries of the alliance's communes from a GeoJSON file: each feature placed by code or name
 * replaces that commune's boundary; features that place nowhere are reported, not loaded. One transaction,
 * with an audit event. Only the alliance's administrator loads them.
 */
export async function loadBoundaries(db: Db, { actor, file }: { actor: Actor; file: unknown }): Promise<BoundaryLoadReport> {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  const tenantId = user.tenantId;
  const features = readFeatures(file);
  const province = await findProvince(db, tenantId);
  const communes = (await findCurrentCommunes(db, province)).map((c) => ({ ...c, fullKey: searchKey(c.name), bareKey: searchKey(stripUnitPrefix(c.name)) }));

  const placed = new Map<string, { feature: number; geometry: BoundaryFeature['geometry'] }>();
  const unmatched: BoundaryLoadReport['unmatched'] = [];
  features.forEach((feature, i) => {
    const name = property(feature.properties, NAME_PROPERTIES) ?? property(feature.properties, CODE_PROPERTIES);
    const match = matchCommune(feature, communes);
    if ('reason' in match) return unmatched.push({ feature: i + 1, name, reason: match.reason });
    const first = placed.get(match.commune.code);
    if (first) return unmatched.push({ feature: i + 1, name, reason: `trùng với vùng thứ ${first.feature} (${match.commune.name}); giữ vùng đầu` });
    placed.set(match.commune.code, { feature: i + 1, geometry: feature.geometry });
  });
  if (placed.size === 0) {
    throw new AppError('bad_request', `Không vùng nào khớp với xã/phường của tỉnh (vùng thứ 1: ${unmatched[0]?.reason ?? 'không rõ'}).`, { field: 'features', issues: unmatched });
  }

  await db.transaction(async (tx) => {
    const codes = [...placed.keys()];
    const before = await tx.select({ code: communeBoundaries.code }).from(communeBoundaries).where(and(eq(communeBoundaries.provinceCode, province), inArray(communeBoundaries.code, codes)));
    await tx
      .insert(communeBoundaries)
      .values(codes.map((code) => ({ code, provinceCode: province, geometry: placed.get(code)!.geometry, updatedBy: actorLabel(actor) })))
      .onConflictDoUpdate({ target: communeBoundaries.code, set: { geometry: sql`excluded.geometry`, updatedAt: sql`now()`, updatedBy: sql`excluded.updated_by` } });
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'boundaries.load',
      entityType: 'commune_boundaries',
      entityId: auditEntityId(`commune_boundaries/${province}`),
      before: { replaced: before.map((b) => b.code).sort() },
      after: { loaded: codes.sort(), unmatched: unmatched.length },
    });
  });
  const covered = new Set(await findBoundaryCodes(db, province));
  return {
    loaded: placed.size,
    communes: communes.length,
    unmatched,
    missing: communes.filter((c) => !covered.has(c.code)),
  };
}

/** The code of the province an alliance serves; an alliance that does not exist is not found. */
async function findProvince(db: Db, tenantId: number): Promise<string> {
  const province = await getTenantProvince(db, tenantId);
  if (!province) throw notFound(`Liên minh mã ${tenantId}`);
  return province.code;
}

async function findBoundaryCodes(db: Db, provinceCode: string): Promise<string[]> {
  const rows = await db.select({ code: communeBoundaries.code }).from(communeBoundaries).where(eq(communeBoundaries.provinceCode, provinceCode));
  return rows.map((r) => r.code);
}

/** The communes of an alliance's province that have a boundary, as a GeoJSON FeatureCollection (public). */
export async function findBoundaries(db: Db, tenantId: number) {
  const province = await findProvince(db, tenantId);
  const communes = new Map((await findCurrentCommunes(db, province)).map((c) => [c.code, c.name]));
  const rows = await db.select({ code: communeBoundaries.code, geometry: communeBoundaries.geometry }).from(communeBoundaries).where(eq(communeBoundaries.provinceCode, province)).orderBy(communeBoundaries.code);
  return {
    type: 'FeatureCollection' as const,
    features: rows
      .filter((r) => communes.has(r.code))
      .map((r) => ({ type: 'Feature' as const, properties: { code: r.code, name: communes.get(r.code)! }, geometry: r.geometry as BoundaryFeature['geometry'] })),
  };
}

/**
 * A commune boundary file as the alliance gets it (from the provincial department of natural resources, or
 * exported from QGIS): a GeoJSON FeatureCollection of Polygon/MultiPolygon features in WGS 84 longitude and
 * latitude, each naming its commune by a code or a name property. Limits keep one upload bounded.
 */
import { z } from 'zod';

export const MAX_BOUNDARY_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_BOUNDARY_FEATURES = 5_000;
export const MAX_BOUNDARY_POSITIONS = 2_000_000;

const Position = z
  .array(z.number({ message: 'toạ độ phải là số' }), { message: 'mỗi điểm là [kinh độ, vĩ độ]' })
  .min(2, { message: 'mỗi điểm là [kinh độ, vĩ độ]' })
  .max(3, { message: 'mỗi điểm là [kinh độ, vĩ độ]' })
  .refine(([lon, lat]) => Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90, { message: 'toạ độ ngoài phạm vi kinh độ/vĩ độ (WGS 84)' });
const Ring = z.array(Position).min(4, { message: 'một vòng ranh giới cần ít nhất 4 điểm' });
const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
const MultiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) });

export const BoundaryFeature = z.object({
  type: z.literal('Feature', { message: 'phải là "Feature"' }),
  geometry: z.discriminatedUnion('type', [Polygon, MultiPolygon], { message: 'hình học phải là Polygon hoặc MultiPolygon' }),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;

/** The file's outer shape; features are checked one by one, so that an error names its feature. */
export const BoundaryFile = z.object({
  type: z.literal('FeatureCollection', { message: 'Tệp phải là một GeoJSON FeatureCollection.' }),
  features: z
    .array(z.unknown(), { message: 'Thiếu danh sách "features".' })
    .min(1, { message: 'Tệp không có vùng nào.' })
    .max(MAX_BOUNDARY_FEATURES, { message: `Tệp có quá ${MAX_BOUNDARY_FEATURES} vùng.` }),
});

/** What a load did: communes loaded, features not placed (with the reason), communes still without one. */
export type BoundaryLoadReport = {
  loaded: number;
  communes: number;
  unmatched: { feature: number; name: string | null; reason: string }[];
  missing: { code: string; name: string }[];
};

import { useMemo } from 'react';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useSession } from '../../session/session.ts';
import { BoundaryUpload } from './BoundaryUpload.tsx';
import { ChartCard } from './ChartCard.tsx';
import { communeMapOption, communeTilesHeight, communeTilesOption } from './chartOptions.ts';
import { EChart } from './EChart.tsx';
import { useBoundaries, type Dashboard } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

type Props = { communes: Dashboard['byCurrentCommune']; tenantId: number | null; dataUrl: string; fileName: string };

/**
 * Organisations by today's commune: a choropleth map once the alliance has loaded its communes' boundaries,
 * until then a grid of tiles in name order. The alliance's administrator loads the boundary file here.
 */
export function CommuneMapCard({ communes, tenantId, dataUrl, fileName }: Props) {
  const t = useReportTexts();
  const { user } = useSession();
  const boundaries = useBoundaries(tenantId).data;
  const mapName = `communes-${tenantId}`;
  const names = useMemo(() => boundaries?.features.map((f) => f.properties.name) ?? [], [boundaries]);
  const map = useMemo(() => (boundaries && names.length > 0 ? { name: mapName, geoJson: boundaries as never } : undefined), [boundaries, names, mapName]);
  // Five tiles to a row on a phone (eight leave no room for a commune's name).
  const columns = useIsNarrow() ? 5 : 8;
  const option = useMemo(() => (map ? communeMapOption(communes, mapName, names) : communeTilesOption(communes, columns)), [map, communes, mapName, names, columns]);
  const canLoad = tenantId !== null && Boolean(user?.can.loadBoundaries);

  return (
    <ChartCard title={t('communesChart')} dataUrl={dataUrl} note={map ? t('communesMapNote', { loaded: names.length }) : t('communesNote')}>
      <EChart option={option} map={map} height={map ? 480 : communeTilesHeight(communes.length, columns)} fileName={fileName} ariaLabel={t('communesChart')} saveLabel={t('savePng')} />
      {canLoad ? <BoundaryUpload /> : null}
    </ChartCard>
  );
}

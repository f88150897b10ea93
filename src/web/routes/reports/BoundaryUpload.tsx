import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { MAX_BOUNDARY_FILE_BYTES } from '../../../server/modules/admin-units/boundaries.schemas.ts';
import { formatMegabytes } from '../../../shared/format.ts';
import { useLoadBoundaries } from './reportsApi.ts';
import { useReportTexts } from './texts.ts';

/** The administrator's control to load the communes' boundaries (GeoJSON), with what the load did. */
export function BoundaryUpload() {
  const t = useReportTexts();
  const load = useLoadBoundaries();
  const [readError, setReadError] = useState<string | null>(null);

  async function send(file: File) {
    setReadError(null);
    load.reset();
    if (file.size > MAX_BOUNDARY_FILE_BYTES) return setReadError(t('boundaryTooLarge', { limit: formatMegabytes(MAX_BOUNDARY_FILE_BYTES) }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setReadError(t('boundaryNotJson', { file: file.name }));
    }
    load.mutate(parsed);
  }

  const report = load.data;
  const error = readError ?? load.error?.message ?? null;
  return (
    <div style={{ marginTop: 8 }}>
      <Upload accept=".geojson,.json,application/geo+json,application/json" showUploadList={false} beforeUpload={(file) => (void send(file), false)}>
        <Button icon={<UploadOutlined />} loading={load.isPending}>
          {t('loadBoundaries')}
        </Button>
      </Upload>
      {error ? <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} /> : null}
      {report ? (
        <Alert
          style={{ marginTop: 8 }}
          type={report.unmatched.length ? 'warning' : 'success'}
          showIcon
          title={t('boundariesLoaded', { loaded: report.loaded, covered: report.communes - report.missing.length, communes: report.communes })}
          description={
            report.unmatched.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {report.unmatched.slice(0, 20).map((u) => (
                  <li key={u.feature}>
                    <Typography.Text>{t('unmatchedFeature', { feature: u.feature, name: u.name ?? '—', reason: u.reason })}</Typography.Text>
                  </li>
                ))}
              </ul>
            ) : null
          }
        />
      ) : null}
    </div>
  );
}

import { Alert, Button, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useArticleVersions, useCompare, vietnamDateTime, type ArticleVersion, type DiffPart } from './articlesApi.ts';
import { StateTag } from './StateTag.tsx';

const hidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** One field's differences: insertions underlined (green), deletions struck through (red), each also said in words. */
function Diff({ parts, testId }: { parts: DiffPart[]; testId: string }) {
  const t = useT();
  if (!parts.some((p) => p.added || p.removed)) return <Typography.Text type="secondary">{t('portal.compare.same')}</Typography.Text>;
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }} data-testid={testId}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} style={{ background: '#d9f7be', color: '#135200', textDecoration: 'underline', textDecorationThickness: 2 }}>
            <span style={hidden}>{t('portal.compare.addedSr')}</span>
            {part.value}
            <span style={hidden}>{t('portal.compare.endSr')}</span>
          </ins>
        ) : part.removed ? (
          <del key={i} style={{ background: '#ffccc7', color: '#820014', textDecoration: 'line-through' }}>
            <span style={hidden}>{t('portal.compare.removedSr')}</span>
            {part.value}
            <span style={hidden}>{t('portal.compare.endSr')}</span>
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}

/** The article's versions (who, when, state) and two of them compared. */
export function VersionsPanel({ articleId }: { articleId: string }) {
  const t = useT();
  const versions = useArticleVersions(articleId);
  const items = versions.data ?? [];
  const last = items.at(-1)?.version;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const fromV = from ?? (last && last > 1 ? last - 1 : undefined);
  const toV = to ?? last;
  const compare = useCompare(articleId, fromV, toV);
  const options = items.map((v) => ({ value: v.version, label: t('portal.version.label', { n: v.version }) }));
  const changed = compare.data?.changed ?? {};
  const otherChanges = (['categoryId', 'coverImageId', 'tags', 'author', 'state'] as const).filter((k) => changed[k]);

  if (versions.isLoading) return <Spin />;
  if (versions.error) return <Alert type="error" showIcon title={(versions.error as Error).message} />;
  return (
    <Flex vertical gap={16}>
      <Table<ArticleVersion>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={[...items].reverse()}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('portal.version.number'), dataIndex: 'version' },
          { title: t('portal.version.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
          { title: t('portal.version.who'), render: (_, v) => v.savedByLabel ?? v.savedBy ?? '—' },
          { title: t('portal.version.when'), dataIndex: 'savedAt', render: (at: string) => vietnamDateTime(at) },
          { title: t('portal.version.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
        data-testid="versions"
      />
      {items.length > 1 && (
        <section aria-labelledby="compare-heading">
          <Typography.Title level={2} id="compare-heading" style={{ fontSize: 18 }}>{t('portal.compare.title')}</Typography.Title>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <label>
              {t('portal.compare.from')}{' '}
              <Select style={{ width: 140 }} value={fromV} options={options} onChange={setFrom} data-testid="compare-from" aria-label={t('portal.compare.from')} />
            </label>
            <label>
              {t('portal.compare.to')}{' '}
              <Select style={{ width: 140 }} value={toV} options={options} onChange={setTo} data-testid="compare-to" aria-label={t('portal.compare.to')} />
            </label>
            <Button onClick={() => { setFrom(toV); setTo(fromV); }}>{t('portal.compare.swap')}</Button>
          </Flex>
          <Typography.Paragraph type="secondary">{t('portal.compare.legend')}</Typography.Paragraph>
          {compare.isLoading && <Spin />}
          {compare.error && <Alert type="error" showIcon title={(compare.error as Error).message} />}
          {compare.data && (
            <Flex vertical gap={12} data-testid="compare">
              <div><Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('portal.field.title')}</Typography.Title><Diff parts={compare.data.title} testId="diff-title" /></div>
              <div><Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('portal.field.summary')}</Typography.Title><Diff parts={compare.data.summary} testId="diff-summary" /></div>
              <div><Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('portal.field.body')}</Typography.Title><Diff parts={compare.data.body} testId="diff-body" /></div>
              {otherChanges.length > 0 && (
                <Flex wrap gap={4} align="center">
                  {t('portal.compare.alsoChanged')} {otherChanges.map((k) => <Tag key={k}>{t(`portal.compare.changed.${k}`)}</Tag>)}
                </Flex>
              )}
            </Flex>
          )}
        </section>
      )}
    </Flex>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { usePactAction, useScoreboard, type Scoreboard } from './emulationApi.ts';

type Row = Scoreboard['rows'][number];
const vi = (s: string) => s.replace('.', ',');

/** The ranked scoreboard: a score per criterion, the total, the tie-break stated; downloads and publishing. */
export function ScoreboardView({ pactId }: { pactId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const board = useScoreboard(pactId);
  const action = usePactAction(pactId);
  if (board.error) return <Alert type="error" showIcon title={(board.error as Error).message} />;
  const data = board.data;
  const publish = async () => {
    try {
      await action.mutateAsync({ action: 'publish-scoreboard' });
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Button icon={<DownloadOutlined />} href={`/api/emulation/pacts/${pactId}/scoreboard.xlsx`}>{t('emulation.scoreboard.xlsx')}</Button>
        <Button icon={<DownloadOutlined />} href={`/api/emulation/pacts/${pactId}/scoreboard.pdf`}>{t('emulation.scoreboard.pdf')}</Button>
        {data?.can.publish && (
          <Popconfirm title={t('emulation.scoreboard.publishConfirm')} okText={t('emulation.scoreboard.publish')} cancelText={t('common.cancel')} onConfirm={() => void publish()}>
            <Button type="primary" loading={action.isPending} data-testid="publish-scoreboard">{t('emulation.scoreboard.publish')}</Button>
          </Popconfirm>
        )}
      </Flex>
      {data && (
        <Alert
          type={data.pact.scoreboardPublishedAt ? 'success' : 'info'}
          showIcon
          title={data.pact.scoreboardPublishedAt ? t('emulation.scoreboard.published', { date: date(data.pact.scoreboardPublishedAt.slice(0, 10)) }) : t('emulation.scoreboard.notPublished')}
        />
      )}
      <Table<Row>
        rowKey="organisationId"
        loading={board.isLoading}
        dataSource={data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="scoreboard"
        columns={[
          { title: t('emulation.scoreboard.rank'), dataIndex: 'rank', width: 64, align: 'center' },
          { title: t('emulation.results.member'), dataIndex: 'name' },
          ...(data?.criteria ?? []).map((c, i) => ({
            title: `${c.position}. ${c.name} (${c.maxPoints})`,
            key: c.id,
            align: 'right' as const,
            render: (_: unknown, r: Row) => {
              const cell = r.cells[i]!;
              return cell.score === null ? <Typography.Text type="secondary" italic>{t('emulation.scoreboard.notReported')}</Typography.Text> : vi(cell.score);
            },
          })),
          { title: `${t('emulation.scoreboard.total')} (${data?.maxTotal ?? ''})`, dataIndex: 'total', align: 'right', render: (v: string) => <strong>{vi(v)}</strong> },
        ]}
      />
      {data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="tie-break">
          {data.tieBreakText} {data.notReportedText}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

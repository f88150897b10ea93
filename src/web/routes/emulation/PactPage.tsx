import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DateInput } from '../../components/DateInput.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { CriteriaEditor } from './CriteriaEditor.tsx';
import { usePact, usePactAction, type Pact } from './emulationApi.ts';
import { PactStateTag } from './PactStateTag.tsx';
import { ResultsGrid } from './ResultsGrid.tsx';
import { ScoreboardView } from './ScoreboardView.tsx';

/** Signing (a date) and closing (the review minutes), as the pact's state allows. */
function PactActions({ pact }: { pact: Pact }) {
  const t = useT();
  const { message } = App.useApp();
  const action = usePactAction(pact.id);
  const [signedOn, setSignedOn] = useState<string | null>(null);
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (name: 'sign' | 'close', body: unknown, done: string) => {
    setError(null);
    try {
      await action.mutateAsync({ action: name, body });
      void message.success(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Flex vertical gap={8}>
      {pact.can.sign && (
        <Flex gap={8} wrap align="center">
          <label htmlFor="signed-on">{t('emulation.pact.signedOn')}</label>
          <DateInput id="signed-on" value={signedOn} onChange={setSignedOn} />
          <Button type="primary" disabled={!signedOn} loading={action.isPending} onClick={() => void run('sign', { signedOn }, t('emulation.pact.signed'))} data-testid="sign-pact">
            {t('emulation.pact.sign')}
          </Button>
        </Flex>
      )}
      {pact.can.close && (
        <Flex gap={8} vertical style={{ maxWidth: 640 }}>
          <label htmlFor="review-minutes">{t('emulation.pact.minutes')}</label>
          <Input.TextArea id="review-minutes" rows={3} value={minutes} onChange={(e) => setMinutes(e.target.value)} maxLength={20000} />
          <Button disabled={!minutes.trim()} loading={action.isPending} onClick={() => void run('close', { reviewMinutes: minutes.trim() }, t('emulation.pact.closed'))} style={{ alignSelf: 'flex-start' }}>
            {t('emulation.pact.close')}
          </Button>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Flex>
  );
}

/** A pact: its criteria (edited while a draft), signing and closing, members' results, the scoreboard. */
export default function PactPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const { id = '' } = useParams();
  const pact = usePact(id);
  if (pact.isLoading) return <PageLoading />;
  if (pact.error || !pact.data) return <PageError error={pact.error} />;
  const p = pact.data;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Link to={`/emulation/blocks/${p.block.id}`}>
        <ArrowLeftOutlined /> {p.block.name}
      </Link>
      <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
        <PageTitle style={{ marginBottom: 0 }}>{p.title}</PageTitle>
        <PactStateTag state={p.state} />
      </Flex>
      <Descriptions column={narrow ? 1 : 3} size="small" style={{ margin: '12px 0' }}>
        <Descriptions.Item label={t('emulation.block.head')}>{p.block.headName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('emulation.block.deputy')}>{p.block.deputyName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('emulation.pact.signedOn')}>{p.signedOn ? date(p.signedOn) : '—'}</Descriptions.Item>
        {p.reviewMinutes && <Descriptions.Item label={t('emulation.pact.minutes')} span={3}>{p.reviewMinutes}</Descriptions.Item>}
      </Descriptions>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={`/api/emulation/pacts/${p.id}/pact.pdf`}>{t('emulation.pact.pdf')}</Button>
        <Button icon={<DownloadOutlined />} href={`/api/emulation/pacts/${p.id}/pact.xlsx`}>{t('emulation.pact.xlsx')}</Button>
      </Flex>
      <PactActions pact={p} />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          { key: 'criteria', label: t('emulation.tab.criteria'), children: <CriteriaEditor key={`${p.id}:${p.state}`} pact={p} /> },
          ...(p.state !== 'draft' ? [{ key: 'results', label: t('emulation.tab.results'), children: <ResultsGrid pactId={p.id} /> }] : []),
          ...(p.can.seeScoreboard ? [{ key: 'scoreboard', label: t('emulation.tab.scoreboard'), children: <ScoreboardView pactId={p.id} /> }] : []),
        ]}
      />
    </Card>
  );
}

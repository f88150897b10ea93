import { ArrowLeftOutlined, DeleteOutlined, FileWordOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { AnswerDialog } from './AnswerDialog.tsx';
import { agencyName, answerFileUrl, letterUrl, recommendationFileUrl, recommendationUploadUrl, usePatchRecommendation, useRecommendation, type DifficultyItem, type Recommendation } from './difficultiesApi.ts';
import { AttachFile, FileList } from './Files.tsx';
import { ForwardDialog } from './ForwardDialog.tsx';
import { DueDate, EmptyText, StateTag, useWord } from './labels.tsx';
import { AddDifficulties, DraftForm } from './RecommendationDraft.tsx';

const heading = (text: string) => <h2 style={{ font: 'inherit', margin: 0 }}>{text}</h2>;

/** The difficulties of the recommendation, each with its cooperative; a draft's can be taken out. */
function DifficultiesTable({ recommendation, draft }: { recommendation: Recommendation; draft: boolean }) {
  const t = useT();
  const word = useWord();
  const narrow = useIsNarrow();
  const patch = usePatchRecommendation(recommendation.id);
  const remaining = (id: string) => recommendation.difficulties.map((d) => d.id).filter((other) => other !== id);
  return (
    <>
      {patch.error && <Alert type="error" showIcon title={patch.error.message} style={{ marginBottom: 12 }} />}
      <Table<DifficultyItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={recommendation.difficulties}
        scroll={{ x: 'max-content' }}
        data-testid="recommendation-difficulties"
        columns={[
          { title: t('dif.code'), dataIndex: 'code', render: (code: string, d) => <Link to={`/difficulties/${d.id}`}>{code}</Link> },
          {
            title: t('dif.organisation'),
            key: 'org',
            render: (_, d) => (
              <div style={{ minWidth: narrow ? 150 : 200, maxWidth: narrow ? 200 : 360, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {d.organisation.name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{d.title}</Typography.Text>
              </div>
            ),
          },
          ...(narrow ? [] : [{ title: t('dif.category'), key: 'category', render: (_: unknown, d: DifficultyItem) => word('category', d.category) }]),
          { title: t('dif.state'), dataIndex: 'state', render: (s: string) => <StateTag state={s} /> },
          ...(draft && recommendation.difficulties.length > 1
            ? [{
                title: t('agency.actions'),
                key: 'remove',
                render: (_: unknown, d: DifficultyItem) => (
                  <Button size="small" icon={<DeleteOutlined />} aria-label={`${t('rec.remove')} ${d.code}`} loading={patch.isPending} onClick={() => patch.mutate({ difficultyIds: remaining(d.id) })} />
                ),
              }]
            : []),
        ]}
      />
    </>
  );
}

/**
 * One recommendation: a draft is edited (subject, body, agency, its difficulties), previewed as .docx and sent
 * by letter; a letter sent is downloaded with its number, its signed scan attached, and the agency's answer recorded.
 */
export default function RecommendationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const word = useWord();
  const narrow = useIsNarrow();
  const { user } = useSession();
  const detail = useRecommendation(id);
  const [dialog, setDialog] = useState<'forward' | 'answer' | null>(null);
  if (detail.isLoading) return <PageLoading />;
  if (detail.error || !detail.data) return <PageError error={detail.error} onRetry={() => void detail.refetch()} />;
  const r = detail.data;
  const handle = Boolean(user?.can.handleDifficulties);
  const draft = r.state === 'draft';
  const mayEdit = handle && draft && r.can?.edit !== false;
  const mayForward = handle && draft && r.difficulties.length > 0 && r.can?.forward !== false;
  const mayAnswer = handle && r.state !== 'draft' && r.state !== 'closed' && Boolean(r.agency?.id ?? r.agencyId) && r.can?.recordAnswer !== false;
  const mayAttach = handle && !draft && r.can?.attach !== false;
  const pad = { body: { padding: narrow ? 12 : 24 } };

  return (
    <Flex vertical gap={16}>
      <Link to="/recommendations"><ArrowLeftOutlined /> {t('rec.detail.back')}</Link>
      <Card title={<span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}><CardHeading>{r.subject}</CardHeading></span>} extra={narrow ? undefined : <StateTag state={r.state} recommendation />} styles={pad}>
        {narrow && <div style={{ marginBottom: 8 }}><StateTag state={r.state} recommendation /></div>}
        <Descriptions
          size="small"
          column={narrow ? 1 : 3}
          items={[
            { key: 'number', label: t('rec.letterNumber'), children: <span data-testid="letter-number">{r.letterNumber ?? t('common.none')}</span> },
            { key: 'date', label: t('rec.letterDate'), children: date(r.letterDate) },
            { key: 'agency', label: t('dif.agency'), children: agencyName(r.agency) ?? t('common.none') },
            { key: 'category', label: t('dif.category'), children: word('category', r.category) },
            { key: 'due', label: t('dif.dueOn'), children: <DueDate dueOn={r.dueOn} overdue={r.overdue} /> },
            ...(r.signerName ? [{ key: 'signer', label: t('rec.signerName'), children: [r.signerTitle, r.signerName].filter(Boolean).join(' ') }] : []),
          ]}
        />
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          <a href={letterUrl(r.id)} download data-testid="download-letter">
            <FileWordOutlined /> {r.letterNumber ? t('rec.downloadLetter', { number: r.letterNumber }) : t('rec.downloadDraft')}
          </a>
          {draft && <Typography.Text type="secondary">{t('rec.downloadDraftHint')}</Typography.Text>}
        </Flex>
        {(mayForward || mayAnswer) && (
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            {mayForward && <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('forward')} data-testid="forward">{t('rec.forward')}</Button>}
            {mayAnswer && <Button type="primary" icon={<MessageOutlined />} onClick={() => setDialog('answer')} data-testid="record-answer">{t('rec.recordAnswer')}</Button>}
          </Flex>
        )}
      </Card>
      {mayEdit && <Card title={heading(t('rec.body'))} styles={pad}><DraftForm key={r.subject + (r.agency?.id ?? '')} recommendation={r} /></Card>}
      <Card title={heading(t('rec.difficulties'))} styles={pad}>
        <Flex vertical gap={16}>
          <DifficultiesTable recommendation={r} draft={mayEdit} />
          {mayEdit && <AddDifficulties recommendation={r} />}
        </Flex>
      </Card>
      {!draft && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={heading(t('rec.signedScan'))} styles={pad}>
              <Flex vertical gap={12}>
                <FileList files={r.files ?? []} urlOf={(fileId) => recommendationFileUrl(r.id, fileId)} />
                {mayAttach && <AttachFile url={recommendationUploadUrl(r.id)} label={t('rec.attachScan')} testId="attach-scan" />}
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={heading(t('rec.answers'))} styles={pad}>
              {(r.answers ?? []).length === 0 ? (
                <EmptyText>{t('rec.noAnswers')}</EmptyText>
              ) : (
                <Flex vertical gap={12} data-testid="recommendation-answers">
                  {r.answers.map((a) => (
                    <div key={a.id}>
                      <Typography.Text strong>{agencyName(a.agency) ?? agencyName(r.agency)} · {t('dif.detail.letter', { number: a.letterNumber, date: date(a.letterDate) })}</Typography.Text>
                      <Typography.Text type="secondary" style={{ display: 'block' }}>{t('rec.receivedOn')}: {date(a.receivedOn)}</Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.content}</div>
                      {a.files && a.files.length > 0 && <FileList files={a.files} urlOf={(fileId) => answerFileUrl(a.id, fileId)} />}
                    </div>
                  ))}
                </Flex>
              )}
            </Card>
          </Col>
        </Row>
      )}
      {dialog === 'forward' && <ForwardDialog recommendation={r} onClose={() => setDialog(null)} />}
      {dialog === 'answer' && <AnswerDialog recommendation={r} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

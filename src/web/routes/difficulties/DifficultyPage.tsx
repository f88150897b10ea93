import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { date, dateTime } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { agencyName, difficultyFileUrl, difficultyUploadUrl, useDifficulty, type Difficulty } from './difficultiesApi.ts';
import { AnswerForm, CloseForm, TriageForm } from './DifficultyActions.tsx';
import { AttachFile, FileList } from './Files.tsx';
import { historyLabel } from './history.ts';
import { DueDate, EmptyText, StateTag, useWord } from './labels.tsx';

const text = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** Where the difficulty went: its recommendation (letter, agency, due date) and the agencies' answers. */
function Settlement({ difficulty }: { difficulty: Difficulty }) {
  const t = useT();
  const word = useWord();
  const rec = difficulty.recommendation;
  return (
    <Flex vertical gap={12}>
      {difficulty.directAnswer && (
        <div data-testid="direct-answer">
          <Typography.Text strong>{t('dif.detail.directAnswer')}{difficulty.answeredOn ? ` (${date(difficulty.answeredOn)})` : ''}</Typography.Text>
          <div style={text}>{difficulty.directAnswer}</div>
        </div>
      )}
      <div data-testid="difficulty-recommendation">
        <Typography.Text strong>{t('dif.detail.recommendation')}</Typography.Text>
        <div>
          {rec ? (
            <>
              <Link to={`/recommendations/${rec.id}`}>{rec.subject}</Link> · {word('recState', rec.state)}
              {rec.letterNumber && <div>{t('dif.detail.letter', { number: rec.letterNumber, date: date(rec.letterDate) })}{agencyName(rec.agency) ? ` · ${agencyName(rec.agency)}` : ''}</div>}
            </>
          ) : (
            <EmptyText>{t('dif.detail.noRecommendation')}</EmptyText>
          )}
        </div>
      </div>
      {rec && (
        <div data-testid="difficulty-answers">
          <Typography.Text strong>{t('dif.detail.answers')}</Typography.Text>
          {difficulty.answers.length === 0 ? (
            <div><EmptyText>{t('dif.detail.noAnswers')}</EmptyText></div>
          ) : (
            difficulty.answers.map((a, i) => (
              <div key={i} style={{ marginTop: 4 }}>
                <div>{agencyName(a.agency)} · {t('dif.detail.letter', { number: a.letterNumber, date: date(a.letterDate) })}</div>
                <div style={text}>{a.content}</div>
              </div>
            ))
          )}
        </div>
      )}
    </Flex>
  );
}

/** One difficulty: what was raised, its files, triage, a direct answer, closing, where it went, its history. */
export default function DifficultyPage() {
  const { id = '' } = useParams();
  const t = useT();
  const word = useWord();
  const narrow = useIsNarrow();
  const detail = useDifficulty(id);
  if (detail.isLoading) return <PageLoading />;
  if (detail.error || !detail.data) return <PageError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const pad = { body: { padding: narrow ? 12 : 24 } };
  const open = d.state !== 'closed';
  // A grouped difficulty is answered by its agency (the server refuses a direct answer until it leaves the recommendation).
  const mayAnswer = d.can.answer && !d.recommendationId;

  return (
    <Flex vertical gap={16}>
      <Link to="/difficulties"><ArrowLeftOutlined /> {t('dif.detail.back')}</Link>
      <Card title={<span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}><CardHeading>{d.code} · {d.title}</CardHeading></span>} extra={narrow ? undefined : <StateTag state={d.state} />} styles={pad}>
        {narrow && <div style={{ marginBottom: 8 }}><StateTag state={d.state} /></div>}
        <Descriptions
          size="small"
          column={narrow ? 1 : 3}
          items={[
            { key: 'org', label: t('dif.organisation'), children: <Link to={`/registry/${d.organisation.id}`}>{d.organisation.name}</Link> },
            { key: 'category', label: t('dif.category'), children: word('category', d.category) },
            { key: 'channel', label: t('dif.channel'), children: `${word('channel', d.channel)}${d.occasion ? ` · ${d.occasion}` : ''}` },
            { key: 'raised', label: t('dif.raisedOn'), children: date(d.raisedOn) },
            { key: 'due', label: t('dif.dueOn'), children: <DueDate dueOn={d.dueOn} overdue={d.overdue} /> },
            { key: 'consent', label: t('dif.consent'), children: `${word('consent', d.publicConsent)}${d.published ? ` · ${t('dif.detail.published')}` : ''}` },
            { key: 'unit', label: t('dif.unitInCharge'), children: d.unitInCharge ?? t('common.none') },
            ...(d.outcome ? [{ key: 'outcome', label: t('dif.outcome'), children: <span data-testid="difficulty-outcome">{word('outcome', d.outcome)}{d.outcomeReason ? `: ${d.outcomeReason}` : ''}{d.closedOn ? ` (${date(d.closedOn)})` : ''}</span> }] : []),
          ]}
        />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 12 }}>{t('dif.description')}</Typography.Title>
        <div style={text} data-testid="difficulty-description">{d.description}</div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('dif.detail.files')}</h2>} styles={pad}>
            <Flex vertical gap={12}>
              <FileList files={d.files} urlOf={(fileId) => difficultyFileUrl(d.id, fileId)} />
              {d.can.attach && <AttachFile url={difficultyUploadUrl(d.id)} />}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('dif.detail.answers')}</h2>} styles={pad}>
            <Settlement difficulty={d} />
          </Card>
        </Col>
      </Row>
      {open && d.can.triage && (
        <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('dif.detail.triage')}</h2>} styles={pad}>
          <TriageForm key={`${d.category}-${d.dueOn}-${String(d.published)}`} difficulty={d} />
        </Card>
      )}
      {(mayAnswer || d.can.close) && (
        <Row gutter={[16, 16]}>
          {mayAnswer && (
            <Col xs={24} lg={12}>
              <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('dif.detail.answer')}</h2>} styles={pad}><AnswerForm difficulty={d} /></Card>
            </Col>
          )}
          {d.can.close && (
            <Col xs={24} lg={12}>
              <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('dif.detail.close')}</h2>} styles={pad}><CloseForm difficulty={d} /></Card>
            </Col>
          )}
        </Row>
      )}
      <Card title={<h2 style={{ font: 'inherit', margin: 0 }}>{t('dif.detail.history')}</h2>} styles={pad}>
        {d.history.length === 0 ? (
          <EmptyText>{t('dif.detail.noHistory')}</EmptyText>
        ) : (
          <Timeline
            data-testid="difficulty-history"
            items={d.history.map((h, i) => ({
              key: i,
              children: (
                <>
                  <Typography.Text strong>{t(historyLabel(h))}</Typography.Text> · {dateTime(h.at)}
                  {h.actorLabel && <Typography.Text type="secondary"> · {h.actorLabel}</Typography.Text>}
                </>
              ),
            }))}
          />
        )}
      </Card>
    </Flex>
  );
}

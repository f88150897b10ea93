import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { NotAllowedPage, PageError, PageLoading } from '../../components/PageStatus.tsx';
import { CardHeading } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { dateTime } from '../../format.ts';
import { useLabels, useT, type MessageKey } from '../../i18n/index.tsx';
import { useCommuneNames } from '../../reference/reference.ts';
import { useSession } from '../../session/session.ts';
import { fieldsOf } from './formDefinition.ts';
import { StateTag, TimelinessTag } from './stateLabels.tsx';
import { UpdateComparison, useFieldLabel } from './UpdateComparison.tsx';
import { UpdateHistory, historyOf } from './UpdateHistory.tsx';
import { useAccept, useReturn, useUpdate } from './updatesApi.ts';
import { FromUpdateButton } from '../difficulties/FromUpdateButton.tsx';

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

const CHANNEL_KEYS: Record<string, MessageKey> = {
  online: 'updates.detail.channel.online',
  staff: 'updates.detail.channel.staff',
  excel: 'updates.detail.channel.excel',
};

/**
 * One update beside last year's accepted values; staff accept it (after a confirmation) or return it with a
 * reason on each field they question; its history below.
 */
export default function UpdateReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const labels = useLabels();
  const narrow = useIsNarrow();
  const { user } = useSession();
  const { modal, message } = App.useApp();
  const detail = useUpdate(id);
  const accept = useAccept(id);
  const sendBack = useReturn(id);
  const communeName = useCommuneNames(user?.tenantId);
  const fieldLabel = useFieldLabel();
  const [questions, setQuestions] = useState<Record<string, string> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [changedOnly, setChangedOnly] = useState(false);
  const labelOf = useMemo(() => {
    const fields = new Map(detail.data ? fieldsOf(detail.data.form.definition).map(({ field }) => [field.key, field]) : []);
    return (key: string) => {
      const field = fields.get(key);
      return field ? fieldLabel(field) : key;
    };
  }, [detail.data, fieldLabel]);

  if (!user?.can.seeUpdates) return <NotAllowedPage />;
  if (detail.isLoading) return <PageLoading />;
  if (detail.error || !detail.data) return <PageError error={detail.error} onRetry={() => void detail.refetch()} />;
  const { update, form, organisation, lastAccepted } = detail.data;
  const canVerify = Boolean(user.can.verifyUpdates) && update.state === 'submitted';
  const mayAccept = canVerify && detail.data.can?.accept !== false;
  const mayReturn = canVerify && detail.data.can?.return !== false;

  const question = (field: string, reason: string | null) => {
    setQuestions((current) => {
      const next = { ...(current ?? {}) };
      if (reason === null) delete next[field];
      else next[field] = reason;
      return next;
    });
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
    setFormError(null);
  };

  const submitReturn = async () => {
    const asked = Object.entries(questions ?? {});
    const missing = Object.fromEntries(asked.filter(([, reason]) => !reason.trim()).map(([field]) => [field, t('updates.detail.reasonRequired', { field: labelOf(field) })]));
    setErrors(missing);
    if (asked.length === 0) return setFormError(t('updates.detail.pickOne'));
    if (Object.keys(missing).length > 0) return setFormError(null);
    try {
      await sendBack.mutateAsync(Object.fromEntries(asked.map(([field, reason]) => [field, reason.trim()])));
      setQuestions(null);
      void message.success(t('updates.detail.returned'));
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  };

  const confirmAccept = () =>
    void modal.confirm({
      title: t('updates.detail.acceptConfirm'),
      content: t('updates.detail.acceptHint'),
      okText: t('updates.detail.accept'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await accept.mutateAsync();
          void message.success(t('updates.detail.accepted'));
        } catch (error) {
          setFormError(error instanceof Error ? error.message : String(error));
        }
      },
    });

  const channelKey = CHANNEL_KEYS[update.channel];
  const channel = channelKey ? t(channelKey) : update.channel;
  const commune = organisation.currentCommuneName ?? communeName(organisation.currentCommuneCode);
  const actions = (mayAccept || mayReturn) && (
    <Flex wrap gap={8} data-testid="update-actions">
      {questions === null ? (
        <>
          {mayAccept && <Button type="primary" icon={<CheckOutlined />} onClick={confirmAccept} loading={accept.isPending} data-testid="accept-update">{t('updates.detail.accept')}</Button>}
          {mayReturn && <Button icon={<RollbackOutlined />} onClick={() => setQuestions({})} data-testid="start-return">{t('updates.detail.returnStart')}</Button>}
        </>
      ) : (
        <>
          <Button danger type="primary" icon={<RollbackOutlined />} onClick={() => void submitReturn()} loading={sendBack.isPending} data-testid="send-return">
            {t('updates.detail.return', { count: Object.keys(questions).length })}
          </Button>
          <Button onClick={() => { setQuestions(null); setErrors({}); setFormError(null); }}>{t('common.cancel')}</Button>
        </>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <Link to={`/updates?year=${update.year}`}><ArrowLeftOutlined /> {t('common.back')}</Link>
      <Card
        title={<span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}><CardHeading>{organisation.name}</CardHeading></span>}
        extra={narrow ? undefined : <StateTag state={update.state} />}
        styles={{ body: { padding: narrow ? 12 : 24 } }}
      >
        {narrow && <div style={{ marginBottom: 8 }}><StateTag state={update.state} /></div>}
        <Descriptions
          size="small"
          column={narrow ? 1 : 3}
          items={[
            { key: 'year', label: t('updates.year'), children: t('updates.detail.title', { year: update.year }) },
            { key: 'kind', label: t('updates.kind'), children: `${labels.kind(organisation.kind)}${organisation.registrationNumber ? ` · ${organisation.registrationNumber}` : ''}` },
            { key: 'commune', label: t('updates.commune'), children: commune ?? t('common.none') },
            { key: 'submitted', label: t('updates.submittedAt'), children: dateTime(update.submittedAt) },
            { key: 'first', label: t('updates.detail.firstSubmitted'), children: <>{dateTime(update.firstSubmittedAt)} <TimelinessTag onTime={update.onTime} /></> },
            { key: 'form', label: t('updates.tab.forms'), children: `${t('updates.detail.form', { kind: form.kind, version: form.version })} · ${channel}` },
          ]}
        />
        <Link to={`/registry/${organisation.id}`} data-testid="registry-link">{t('updates.detail.registry')}</Link>
        {/* The update's difficulties text can become a difficulty for the alliance to handle (decision 008). */}
        {user.can.handleDifficulties && update.state !== 'draft' && hasText((update.values as Record<string, unknown>).difficulties) && (
          <div style={{ marginTop: 12 }}><FromUpdateButton updateId={update.id} /></div>
        )}
      </Card>

      <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
        <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center">
            <Switch checked={changedOnly} onChange={setChangedOnly} size="small" aria-label={t('updates.detail.changedOnly')} />
            <Typography.Text>{t('updates.detail.changedOnly')}</Typography.Text>
          </Flex>
          {actions}
        </Flex>
        {!lastAccepted && <Alert type="info" showIcon title={t('updates.detail.noLastYear')} style={{ marginBottom: 12 }} />}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="review-error" />}
        <UpdateComparison
          definition={form.definition}
          values={update.values}
          lastYear={lastAccepted}
          year={update.year}
          questions={questions}
          onQuestion={question}
          previousReasons={update.state === 'submitted' ? update.returnReasons : null}
          changedOnly={changedOnly}
          narrow={narrow}
          errors={errors}
        />
        {questions !== null && <div style={{ marginTop: 12 }}>{actions}</div>}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('updates.detail.history')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
            <UpdateHistory entries={historyOf(update, detail.data.history)} fieldLabel={labelOf} />
          </Card>
        </Col>
        {update.state === 'returned' && update.returnReasons && (
          <Col xs={24} lg={12}>
            <Alert
              type="warning"
              showIcon
              title={t('updates.state.returned')}
              data-testid="return-reasons"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {Object.entries(update.returnReasons).map(([field, reason]) => <li key={field} style={{ overflowWrap: 'anywhere' }}>{labelOf(field)}: {reason}</li>)}
                </ul>
              }
            />
          </Col>
        )}
      </Row>
    </Flex>
  );
}

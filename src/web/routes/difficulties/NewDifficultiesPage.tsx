import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, List, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import type { OrganisationListItem } from '../../api/types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormField } from '../../components/FormField.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { STAFF_CHANNELS, useCreateDifficulties } from './difficultiesApi.ts';
import { todayInVietnam, useWordOptions } from './labels.tsx';

type Picked = { id: string; name: string };

/** Cooperatives of the registry searched by name or number, several at once. */
function CooperativeSearch({ picked, onPick }: { picked: Picked[]; onPick(organisation: Picked): void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['difficulties', 'cooperatives', q],
    queryFn: () => api.get<{ items: OrganisationListItem[] }>('/api/cooperatives', { q, pageSize: 20 }),
  });
  const chosen = new Set(picked.map((p) => p.id));
  return (
    <Select
      id="organisationIds"
      showSearch
      value={null}
      placeholder={t('dif.new.pick')}
      aria-label={t('dif.new.pick')}
      filterOption={false}
      onSearch={setQ}
      onChange={(id: string) => {
        const found = search.data?.items.find((o) => o.id === id);
        if (found) onPick({ id: found.id, name: found.name });
        setQ('');
      }}
      loading={search.isLoading}
      options={(search.data?.items ?? []).filter((o) => !chosen.has(o.id)).map((o) => ({ value: o.id, label: `${o.name}${o.registrationNumber ? ` — ${o.registrationNumber}` : ''}` }))}
      data-testid="pick-cooperative"
    />
  );
}

/** The row a server error names ("organisationIds.2" or the organisation's id in the message), if any. */
function rowOfError(error: ApiError, picked: Picked[]): string | null {
  const index = /^organisationIds\.(\d+)$/.exec(error.field ?? '');
  if (index) return picked[Number(index[1])]?.id ?? null;
  return picked.find((p) => error.message.includes(p.id) || error.message.includes(p.name))?.id ?? null;
}

/**
 * Staff record difficulties raised at a conference, a visit or by phone: one text for one or several
 * cooperatives (one difficulty each), all or nothing; a refusal is shown against the cooperative it is about.
 */
export default function NewDifficultiesPage() {
  const t = useT();
  const options = useWordOptions();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateDifficulties();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [channel, setChannel] = useState<string>('conference');
  const [occasion, setOccasion] = useState('');
  const [raisedOn, setRaisedOn] = useState<string | null>(todayInVietnam());
  const [category, setCategory] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [publicConsent, setPublicConsent] = useState('no');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const required = (field: string) => t('dif.new.fieldRequired', { field: field.toLowerCase() });
  const submit = async () => {
    const missing: Record<string, string> = {};
    if (picked.length === 0) missing.organisationIds = t('dif.new.required');
    if (!category) missing.category = required(t('dif.category'));
    if (!title.trim()) missing.title = required(t('dif.title'));
    if (!description.trim()) missing.description = required(t('dif.description'));
    setErrors(missing);
    setRowError(null);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    try {
      const result = await create.mutateAsync({
        organisationIds: picked.map((p) => p.id),
        channel,
        occasion: occasion.trim() || undefined,
        raisedOn: raisedOn ?? undefined,
        category: category!,
        title: title.trim(),
        description: description.trim(),
        publicConsent,
      });
      void message.success(t('dif.new.saved', { count: result.items.length }));
      navigate(result.items.length === 1 ? `/difficulties/${result.items[0]!.id}` : '/difficulties');
    } catch (error) {
      if (!(error instanceof ApiError)) return setFormError(String(error));
      const row = rowOfError(error, picked);
      if (row) setRowError({ id: row, message: error.message });
      else if (error.field && error.field !== 'organisationIds') setErrors({ [error.field]: error.message });
      else setFormError(error.message);
    }
  };

  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Link to="/difficulties"><ArrowLeftOutlined /> {t('dif.detail.back')}</Link>
      <PageTitle style={{ marginTop: 8 }}>{t('dif.new.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('dif.new.hint')}</Typography.Paragraph>
      <Form layout="vertical" component="div" style={{ maxWidth: 900 }}>
        <FormField label={t('dif.organisations')} htmlFor="organisationIds" error={errors.organisationIds} required>
          <CooperativeSearch picked={picked} onPick={(o) => { setPicked((all) => [...all, o]); setErrors(({ organisationIds: _gone, ...rest }) => rest); }} />
        </FormField>
        {picked.length > 0 && (
          <List
            size="small"
            bordered
            style={{ marginBottom: 16 }}
            data-testid="picked-cooperatives"
            dataSource={picked}
            renderItem={(p) => (
              <List.Item
                data-testid="picked-row"
                actions={[<Button key="remove" type="text" icon={<DeleteOutlined />} aria-label={t('dif.new.remove', { name: p.name })} onClick={() => setPicked((all) => all.filter((o) => o.id !== p.id))} />]}
              >
                <div style={{ overflowWrap: 'anywhere' }}>
                  {p.name}
                  {rowError?.id === p.id && <Typography.Text type="danger" style={{ display: 'block' }} data-testid="row-error">{t('dif.new.rowError', { message: rowError.message })}</Typography.Text>}
                </div>
              </List.Item>
            )}
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <FormField label={t('dif.channel')} htmlFor="channel" error={errors.channel} required>
              <Select id="channel" value={channel} onChange={setChannel} options={options('channel', STAFF_CHANNELS)} />
            </FormField>
          </Col>
          <Col xs={24} md={8}>
            <FormField label={t('dif.raisedOn')} htmlFor="raisedOn" error={errors.raisedOn}>
              <DateInput id="raisedOn" value={raisedOn} onChange={setRaisedOn} max={todayInVietnam()} />
            </FormField>
          </Col>
          <Col xs={24} md={8}>
            <FormField label={t('dif.category')} htmlFor="category" error={errors.category} required>
              <Select id="category" value={category} onChange={setCategory} options={options('category')} placeholder={t('common.select')} data-testid="new-category" />
            </FormField>
          </Col>
        </Row>
        <FormField label={t('dif.occasion')} htmlFor="occasion" error={errors.occasion}>
          <Input id="occasion" value={occasion} onChange={(e) => setOccasion(e.target.value)} maxLength={300} />
        </FormField>
        <FormField label={t('dif.title')} htmlFor="title" error={errors.title} required>
          <Input id="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </FormField>
        <FormField label={t('dif.description')} htmlFor="description" error={errors.description} required>
          <Input.TextArea id="description" value={description} onChange={(e) => setDescription(e.target.value)} autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
        </FormField>
        <FormField label={t('dif.consent')} htmlFor="publicConsent" error={errors.publicConsent} required>
          <Select id="publicConsent" value={publicConsent} onChange={setPublicConsent} options={options('consent')} />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
        <Button type="primary" onClick={() => void submit()} loading={create.isPending} data-testid="save-difficulties">
          {t('dif.new.save')}{picked.length > 1 ? ` (${picked.length})` : ''}
        </Button>
      </Form>
    </Card>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router-dom';
import { OrganisationPatch } from '../../../shared/organisation.ts';
import { ApiError } from '../../api/client.ts';
import { PageError, PageLoading, NotAllowedPage } from '../../components/PageStatus.tsx';
import { useT } from '../../i18n/index.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { changedValues, editableFields, editValues } from './organisationForm.ts';
import { useOrganisation, useUpdateOrganisation } from './organisationQueries.ts';
import { placeServerError } from './serverErrors.ts';
import { CardHeading } from '../../components/PageTitle.tsx';

/**
 * Edits a record: all fields for registry staff, the annual-update fields for a cooperative's own manager
 * (the server's `can.updateAllFields` decides). Sends only what changed, with the version read.
 */
export default function EditOrganisationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const organisation = useOrganisation(id);
  const update = useUpdateOrganisation(id);
  const [refusal, setRefusal] = useState<{ text: string; stale: boolean } | null>(null);
  const fields = useMemo(() => (organisation.data ? editableFields(organisation.data.can) : []), [organisation.data]);
  const initial = useMemo(() => (organisation.data ? editValues(organisation.data, fields) : undefined), [organisation.data, fields]);
  const form = useForm<OrganisationPatch>({
    resolver: zodResolver(OrganisationPatch, { error: (issue) => (issue.input === undefined || issue.input === null ? t('form.required') : undefined) }),
  });
  useEffect(() => {
    if (initial) form.reset(initial);
  }, [initial, form]);

  if (organisation.isLoading || (organisation.data && !form.formState.defaultValues?.version)) return <PageLoading />;
  if (organisation.error || !organisation.data || !initial) return <PageError error={organisation.error} />;
  const o = organisation.data;
  if (!o.can.update) return <NotAllowedPage />;

  const submit = form.handleSubmit((values) => {
    setRefusal(null);
    const patch = changedValues(values, initial);
    if (Object.keys(patch).length === 1) {
      void message.info(t('form.noChanges'));
      return;
    }
    update.mutate(patch, {
      onSuccess: () => {
        void message.success(t('form.saved'));
        navigate(`/registry/${id}`, { replace: true });
      },
      onError: (error) => {
        const text = placeServerError(error, form.setError, fields);
        if (text) setRefusal({ text, stale: error instanceof ApiError && error.status === 409 && !error.field });
      },
    });
  });

  const notice = !o.can.updateAllFields && <Alert type="info" showIcon title={t('form.managerNote')} style={{ marginBottom: 16 }} />;
  const refusalAlert = refusal && (
    <Alert
      type="error"
      showIcon
      title={refusal.text}
      style={{ marginBottom: 16 }}
      data-testid="server-error"
      description={refusal.stale ? <Button size="small" style={{ marginTop: 8 }} onClick={() => { setRefusal(null); void organisation.refetch(); }}>{t('form.reload')}</Button> : undefined}
    />
  );

  return (
    <Card title={<CardHeading>{`${t('form.editTitle')}: ${o.name}`}</CardHeading>} styles={{ title: { whiteSpace: 'normal' } }}>
      <OrganisationForm
        fields={fields}
        control={form.control}
        errors={form.formState.errors}
        tenantId={o.tenantId}
        onSubmit={() => void submit()}
        onCancel={() => navigate(`/registry/${id}`)}
        submitting={update.isPending}
        notice={notice}
        refusal={refusalAlert}
      />
    </Card>
  );
}

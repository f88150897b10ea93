import { NotAllowedPage } from '../../components/PageStatus.tsx';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Card } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { OrganisationInput } from '../../../shared/organisation.ts';
import { useT } from '../../i18n/index.tsx';
import { canManageRegistry, useSession } from '../../session/session.ts';
import { OrganisationForm } from './OrganisationForm.tsx';
import { ALL_FIELDS, newOrganisationValues } from './organisationForm.ts';
import { useCreateOrganisation } from './organisationQueries.ts';
import { placeServerError } from './serverErrors.ts';
import { CardHeading } from '../../components/PageTitle.tsx';

/** Adds an organisation to the registry (registry staff), validated by the same schema as the API. */
export default function CreateOrganisationPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const create = useCreateOrganisation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<OrganisationInput>({
    resolver: zodResolver(OrganisationInput, { error: (issue) => (issue.input === undefined || issue.input === null ? t('form.required') : undefined) }),
    defaultValues: newOrganisationValues(),
  });
  if (!canManageRegistry(user)) return <NotAllowedPage />;

  const submit = form.handleSubmit((input) => {
    setRefusal(null);
    create.mutate(input, {
      onSuccess: (created) => {
        void message.success(t('form.created'));
        navigate(`/registry/${created.id}`, { replace: true });
      },
      onError: (error) => setRefusal(placeServerError(error, form.setError, ALL_FIELDS)),
    });
  });

  return (
    <Card title={<CardHeading>{t('form.createTitle')}</CardHeading>}>
      <OrganisationForm
        fields={ALL_FIELDS}
        control={form.control}
        errors={form.formState.errors}
        tenantId={user?.tenantId ?? null}
        onSubmit={() => void submit()}
        onCancel={() => navigate('/registry')}
        submitting={create.isPending}
        refusal={refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="server-error" />}
      />
    </Card>
  );
}

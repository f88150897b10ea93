import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { useLetterSettings, useSaveLetterSettings, type LetterSettings } from './difficultiesApi.ts';

const FIELDS = ['governingBody', 'issuer', 'symbol', 'place', 'signerTitle', 'signerName'] as const;
const REQUIRED = new Set<string>(['issuer', 'symbol', 'place']);

function SettingsForm({ initial }: { initial: LetterSettings }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveLetterSettings();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, initial[f] ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    setFormError(null);
    const missing = Object.fromEntries(FIELDS.filter((f) => REQUIRED.has(f) && !values[f]!.trim()).map((f) => [f, t('dif.new.fieldRequired', { field: t(`letter.${f}`).toLowerCase() })]));
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const blankToNull = (v: string) => v.trim() || null;
    try {
      await save.mutateAsync({
        governingBody: blankToNull(values.governingBody!),
        issuer: values.issuer!.trim(),
        symbol: values.symbol!.trim(),
        place: values.place!.trim(),
        signerTitle: blankToNull(values.signerTitle!),
        signerName: blankToNull(values.signerName!),
      });
      void message.success(t('letter.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 640 }}>
      {FIELDS.map((f) => (
        <FormField key={f} label={t(`letter.${f}`)} htmlFor={`letter-${f}`} error={errors[f]} required={REQUIRED.has(f)} help={f === 'symbol' ? t('letter.example', { example: `125/${values.symbol || 'LMHTX-VP'}` }) : undefined}>
          <Input id={`letter-${f}`} value={values[f]} onChange={(e) => setValues((all) => ({ ...all, [f]: e.target.value }))} maxLength={f === 'symbol' ? 40 : 200} />
        </FormField>
      ))}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="save-letter-settings">{t('common.save')}</Button>
    </Form>
  );
}

/** The alliance admin's letter settings: the heading, symbol, place and default signer of its official letters. */
export default function LetterSettingsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const settings = useLetterSettings();
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Link to="/recommendations"><ArrowLeftOutlined /> {t('rec.detail.back')}</Link>
      <PageTitle style={{ marginTop: 8 }}>{t('letter.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('letter.hint')}</Typography.Paragraph>
      {settings.isLoading ? <PageLoading /> : settings.error || !settings.data ? <PageError error={settings.error} onRetry={() => void settings.refetch()} /> : <SettingsForm initial={settings.data} />}
    </Card>
  );
}

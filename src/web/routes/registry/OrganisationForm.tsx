import { Alert, Button, Col, Flex, Form, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Controller, get, type Control, type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import { FormField } from '../../components/FormField.tsx';
import { InSight } from '../../components/InSight.tsx';
import { useLabels, useT } from '../../i18n/index.tsx';
import { OrganisationFieldInput } from './OrganisationFieldInput.tsx';
import { FORM_SECTIONS, REQUIRED_FIELDS, type FieldName } from './organisationForm.ts';

type Props<T extends FieldValues> = {
  fields: readonly FieldName[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<T, any, any>;
  errors: FieldErrors;
  tenantId: number | null;
  onSubmit(): void;
  onCancel(): void;
  submitting: boolean;
  /** Above the fields: a note on what this user may change. */
  notice?: ReactNode;
  /** Beside the save button, where the user is looking after pressing it: the server's refusal. */
  refusal?: ReactNode;
};

/** The fields of an organisation, in the registry's sections; only those given are shown. */
export function OrganisationForm<T extends FieldValues>({ fields, control, errors, tenantId, onSubmit, onCancel, submitting, notice, refusal }: Props<T>) {
  const t = useT();
  const labels = useLabels();
  const shown = new Set(fields);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Form layout="vertical" component="div">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {notice}
        {FORM_SECTIONS.map((section) => {
          const sectionFields = section.fields.filter((f) => shown.has(f));
          if (sectionFields.length === 0) return null;
          return (
            <section key={section.title}>
              <Typography.Title level={5}>{t(section.title)}</Typography.Title>
              <Row gutter={16}>
                {sectionFields.map((name) => (
                  <Col key={name} xs={24} md={name === 'name' || name === 'address' ? 24 : 12} xl={name === 'name' || name === 'address' ? 24 : 8}>
                    <FormField label={labels.field(name)} htmlFor={name} error={(get(errors, name) as { message?: string } | undefined)?.message} required={REQUIRED_FIELDS.has(name)} help={name === 'vsicCodes' ? t('form.vsicHelp') : undefined}>
                      <Controller
                        name={name as Path<T>}
                        control={control}
                        render={({ field, fieldState }) => <OrganisationFieldInput name={name} field={field} invalid={fieldState.invalid} tenantId={tenantId} />}
                      />
                    </FormField>
                  </Col>
                ))}
              </Row>
            </section>
          );
        })}
        {refusal && <InSight>{refusal}</InSight>}
        {hasErrors && !refusal && <Alert type="error" showIcon title={t('form.invalid')} style={{ marginBottom: 16 }} data-testid="form-invalid" />}
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="save-button">{t('common.save')}</Button>
        </Flex>
      </form>
    </Form>
  );
}

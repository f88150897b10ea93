import { Alert, App, Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { count } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { checkDefinition, type FormDefinition } from './formDefinition.ts';
import { usePublishForm } from './updatesApi.ts';

type Props = { year: number; kind: string; kindLabel: string; definition: FormDefinition; onDone(): void };

/**
 * Publishing a version: a copy of the one in force, edited as JSON, checked by the server's own schema before it
 * is sent (each mistake named by its section and field), then published; the server checks it once more.
 */
export function PublishFormEditor({ year, kind, kindLabel, definition, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const publish = usePublishForm();
  const [text, setText] = useState(() => JSON.stringify(definition, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const [checked, setChecked] = useState<string | null>(null);

  const check = () => {
    const result = checkDefinition(text, kind);
    if (!result.ok) {
      setErrors(result.errors);
      setChecked(null);
      return null;
    }
    setErrors([]);
    const fields = result.definition.sections.reduce((n, s) => n + s.fields.length, 0);
    setChecked(t('updates.forms.checkOk', { sections: count(result.definition.sections.length), fields: count(fields) }));
    return result.definition;
  };
  const send = async () => {
    const valid = check();
    if (!valid) return;
    try {
      const { form } = await publish.mutateAsync({ year, kind, definition: valid });
      void message.success(t('updates.forms.published', { version: form.version }));
      onDone();
    } catch (error) {
      setChecked(null);
      setErrors([error instanceof Error ? error.message : String(error)]);
    }
  };

  return (
    <Flex vertical gap={8} data-testid="publish-editor">
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('updates.forms.publishTitle', { kind: kindLabel, year })}</Typography.Title>
      <Typography.Text type="secondary">{t('updates.forms.publishHint')}</Typography.Text>
      <Input.TextArea
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChecked(null);
        }}
        autoSize={{ minRows: 12, maxRows: 30 }}
        spellCheck={false}
        aria-label={t('updates.forms.json')}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        status={errors.length ? 'error' : undefined}
        data-testid="form-json"
      />
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="form-json-errors"
          title={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {errors.map((e, i) => <li key={i} style={{ overflowWrap: 'anywhere' }}>{e}</li>)}
            </ul>
          }
        />
      )}
      {checked && <Alert type="success" showIcon title={checked} data-testid="form-json-ok" />}
      <Flex wrap gap={8}>
        <Button onClick={check} data-testid="form-json-check">{t('updates.forms.check')}</Button>
        <Button type="primary" onClick={() => void send()} loading={publish.isPending} data-testid="form-json-publish">{t('updates.forms.submit')}</Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Flex>
    </Flex>
  );
}

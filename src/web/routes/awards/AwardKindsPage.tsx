import { Alert, App, Card, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { useAwardKinds, useSaveAwardKind, type AwardKind } from './awardsApi.ts';

function KindDialog({ kind, onClose }: { kind: AwardKind; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveAwardKind();
  const [name, setName] = useState(kind.name);
  const [active, setActive] = useState(kind.active);
  const [once, setOnce] = useState(kind.oncePerRecipient);
  const [years, setYears] = useState<number | null>(kind.minYearsBetween);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    if (!name.trim()) return setErrors({ name: t('awards.kinds.nameRequired') });
    try {
      await save.mutateAsync({ code: kind.code, input: { name: name.trim(), active, oncePerRecipient: once, minYearsBetween: years } });
      void message.success(t('awards.kinds.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal open title={t('awards.kinds.edit')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={save.isPending}>
      <Form layout="vertical" component="div">
        <FormField label={t('awards.kinds.name')} htmlFor="kind-name" error={errors.name} required>
          <Input id="kind-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={300} />
        </FormField>
        <FormField label={t('awards.kinds.active')} htmlFor="kind-active" error={errors.active}>
          <Switch id="kind-active" checked={active} onChange={setActive} />
        </FormField>
        <FormField label={t('awards.kinds.once')} htmlFor="kind-once" error={errors.oncePerRecipient}>
          <Switch id="kind-once" checked={once} onChange={setOnce} />
        </FormField>
        <FormField label={t('awards.kinds.years')} htmlFor="kind-years" error={errors.minYearsBetween} help={t('awards.kinds.yearsHelp')}>
          <InputNumber id="kind-years" min={1} max={50} value={years} onChange={(v) => setYears(v === null ? null : Number(v))} />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}

/** The kinds of award and their rules (the alliance's administrator edits them; every change is audited). */
export default function AwardKindsPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const kinds = useAwardKinds();
  const [editing, setEditing] = useState<AwardKind | null>(null);
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <PageTitle>{t('awards.kinds.title')}</PageTitle>
      {kinds.error ? (
        <PageError error={kinds.error} onRetry={() => void kinds.refetch()} />
      ) : (
        <Table
          rowKey="code"
          size="small"
          loading={kinds.isLoading}
          pagination={false}
          dataSource={kinds.data?.items ?? []}
          onRow={(k) => ({ onClick: () => setEditing(k), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('awards.kinds.name'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
            ...(narrow ? [] : [{ title: t('awards.form'), dataIndex: 'formLabel' }, { title: t('awards.level'), dataIndex: 'levelLabel' }]),
            { title: t('awards.kinds.rules'), key: 'rules', render: (_: unknown, k: AwardKind) => <>{k.oncePerRecipient && <Tag color="purple">{t('awards.kinds.onceTag')}</Tag>}{k.minYearsBetween !== null && <Tag>{t('awards.kinds.yearsTag', { years: k.minYearsBetween })}</Tag>}{!k.active && <Tag color="red">{t('awards.kinds.inactive')}</Tag>}</> },
          ]}
        />
      )}
      {editing && <KindDialog kind={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

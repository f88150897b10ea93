import { Alert, Button, Card, Collapse, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { NotAllowedPage, PageError, PageLoading } from '../../components/PageStatus.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { count, dateTime } from '../../format.ts';
import { useI18n, useLabels, useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { textIn, unitOf, type FormDefinition, type FormField } from './formDefinition.ts';
import { PublishFormEditor } from './PublishFormEditor.tsx';
import { UpdatesHeader, useYear } from './UpdatesHeader.tsx';
import { useForms, type FormsOfYear } from './updatesApi.ts';

type KindForms = FormsOfYear['forms'][number];
// Cooperatives first: most of those who file.
const KIND_ORDER: string[] = ['HTX', 'LHHTX', 'THT'];

/** The year's forms per kind: the version in force, its sections and fields, the versions published; publishing. */
export default function UpdateFormsPage() {
  const t = useT();
  const labels = useLabels();
  const narrow = useIsNarrow();
  const { user } = useSession();
  const [year, setYear] = useYear();
  const forms = useForms(year);
  if (!user?.can.seeUpdates) return <NotAllowedPage />;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <UpdatesHeader title={t('updates.forms.title', { year })} year={year} setYear={setYear} />
      <Typography.Paragraph type="secondary">{t('updates.forms.intro')}</Typography.Paragraph>
      {forms.isLoading && <PageLoading />}
      {forms.error && <PageError error={forms.error} onRetry={() => void forms.refetch()} />}
      {forms.data && (
        <Tabs
          items={[...forms.data.forms].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)).map((kindForms) => ({
            key: kindForms.kind,
            label: narrow ? kindForms.kind : labels.kind(kindForms.kind),
            children: <KindFormView forms={kindForms} year={year} canPublish={Boolean(user.can.publishUpdateForms)} narrow={narrow} />,
          }))}
        />
      )}
    </Card>
  );
}

function KindFormView({ forms, year, canPublish, narrow }: { forms: KindForms; year: number; canPublish: boolean; narrow: boolean }) {
  const t = useT();
  const labels = useLabels();
  const { lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const { current } = forms;
  return (
    <Flex vertical gap={12} data-testid={`form-${forms.kind}`}>
      <Flex wrap gap={8} align="center">
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>{textIn(current.definition.title, lang)}</Typography.Text>
        <Tag color="green" data-testid="form-version">{t('updates.forms.version', { version: current.version })}</Tag>
        {current.publishedAt && <Typography.Text type="secondary">{t('updates.forms.publishedAt', { at: dateTime(current.publishedAt) })}{current.publishedBy ? ` · ${current.publishedBy}` : ''}</Typography.Text>}
      </Flex>
      {!current.id && <Alert type="info" showIcon title={t('updates.forms.none')} />}
      {forms.versions.length > 1 && (
        <Flex wrap gap={4}>
          {forms.versions.map((v) => (
            <Tag key={v.id}>{t('updates.forms.version', { version: v.version })} · {dateTime(v.publishedAt)}</Tag>
          ))}
        </Flex>
      )}
      {canPublish && !editing && (
        <Button onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start', maxWidth: '100%' }} data-testid="publish-form">
          {t('updates.forms.publish', { year })}
        </Button>
      )}
      {canPublish && editing && (
        <PublishFormEditor year={year} kind={forms.kind} kindLabel={labels.kind(forms.kind)} definition={current.definition} onDone={() => setEditing(false)} />
      )}
      <DefinitionView definition={current.definition} narrow={narrow} />
    </Flex>
  );
}

/** A definition read by people: its sections (folded), each field with its key, type, unit and whether required. */
function DefinitionView({ definition, narrow }: { definition: FormDefinition; narrow: boolean }) {
  const t = useT();
  const { lang } = useI18n();
  const fields = new Map(definition.sections.flatMap((section) => section.fields.map((field) => [field.key, field] as const)));
  const labelOf = (key: string) => {
    const field = fields.get(key);
    return field ? textIn(field.label, lang) : key;
  };
  const unitLabel = (field: FormField) => {
    const unit = unitOf(field);
    return unit ? t(`updates.unit.${unit}`) : t('common.none');
  };
  return (
    <>
      <Collapse
        size="small"
        items={definition.sections.map((section) => ({
          key: section.key,
          label: (
            <span style={{ whiteSpace: 'normal' }}>
              {textIn(section.title, lang)} <Typography.Text type="secondary">· {t('updates.forms.fields', { count: count(section.fields.length) })}</Typography.Text>
            </span>
          ),
          children: (
            <Table<FormField>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={section.fields}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('updates.detail.field'), key: 'label', render: (_, f) => <div style={{ minWidth: 160, maxWidth: narrow ? 200 : 420, whiteSpace: 'normal' }}>{textIn(f.label, lang)}</div> },
                { title: t('updates.forms.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
                { title: t('updates.forms.unit'), key: 'unit', render: (_, f) => unitLabel(f) },
                { title: t('updates.forms.required'), dataIndex: 'required', render: (r: boolean) => (r ? t('updates.yes') : t('updates.no')) },
              ]}
            />
          ),
        }))}
      />
      {definition.checks.length > 0 && (
        <Card size="small" title={t('updates.forms.checks')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {definition.checks.map((check, i) => (
              <li key={i} style={{ overflowWrap: 'anywhere' }} data-testid="form-check">
                {labelOf(check.kind === 'sum' ? check.equals : check.field)} {check.message}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

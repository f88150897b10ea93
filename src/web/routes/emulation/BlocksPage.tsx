import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageError } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { YearInput } from '../../components/YearInput.tsx';
import { useT } from '../../i18n/index.tsx';
import { useBlocks, useCreateBlock, type BlockItem, type Member } from './emulationApi.ts';
import { MemberPicker } from './MemberPicker.tsx';
import { PactStateTag } from './PactStateTag.tsx';

/** A new block: name, year, members, head and deputy among them. */
function NewBlockDialog({ year, onClose }: { year: number; onClose(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateBlock();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<Member[]>([]);
  const [head, setHead] = useState<string | null>(null);
  const [deputy, setDeputy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const options = members.map((m) => ({ value: m.id, label: m.name }));
  const submit = async () => {
    setFormError(null);
    if (!name.trim()) return setErrors({ name: t('emulation.block.nameRequired') });
    setErrors({});
    try {
      const block = await create.mutateAsync({ year, name: name.trim(), organisationIds: members.map((m) => m.id), headOrganisationId: head, deputyOrganisationId: deputy });
      void message.success(t('emulation.block.created'));
      navigate(`/emulation/blocks/${block.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal open title={t('emulation.block.new')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending} width={640}>
      <Form layout="vertical" component="div">
        <FormField label={t('emulation.block.name')} htmlFor="block-name" error={errors.name} required>
          <Input id="block-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </FormField>
        <FormField label={t('emulation.block.members')} htmlFor="block-members" error={errors.organisationIds}>
          <MemberPicker id="block-members" members={members} onChange={(next) => { setMembers(next); if (head && !next.some((m) => m.id === head)) setHead(null); if (deputy && !next.some((m) => m.id === deputy)) setDeputy(null); }} />
        </FormField>
        <FormField label={t('emulation.block.head')} htmlFor="block-head" error={errors.headOrganisationId}>
          <Select id="block-head" allowClear value={head} onChange={(v) => setHead(v ?? null)} options={options} placeholder={t('common.select')} data-testid="block-head" />
        </FormField>
        <FormField label={t('emulation.block.deputy')} htmlFor="block-deputy" error={errors.deputyOrganisationId}>
          <Select id="block-deputy" allowClear value={deputy} onChange={(v) => setDeputy(v ?? null)} options={options} placeholder={t('common.select')} data-testid="block-deputy" />
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}

/** The alliance's emulation blocks of a year, with their pact's state; staff create new ones here. */
export default function BlocksPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const blocks = useBlocks(year);
  const [creating, setCreating] = useState(false);
  if (blocks.error) return <PageError error={blocks.error} />;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <PageTitle>{t('emulation.blocks.title', { year })}</PageTitle>
        <Flex gap={8} align="center">
          <label htmlFor="emulation-year">{t('emulation.year')}</label>
          <YearInput id="emulation-year" year={year} onChange={(y) => setParams({ year: String(y) })} />
          {blocks.data?.can.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-block">
              {t('emulation.block.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<BlockItem>
        rowKey="id"
        loading={blocks.isLoading}
        dataSource={blocks.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('emulation.block.none') }}
        columns={[
          { title: t('emulation.block.name'), dataIndex: 'name', render: (name: string, b) => <Link to={`/emulation/blocks/${b.id}`}>{name}</Link> },
          { title: t('emulation.block.memberCount'), dataIndex: 'members', align: 'right' },
          { title: t('emulation.block.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
          { title: t('emulation.block.deputy'), dataIndex: 'deputyName', render: (v: string | null) => v ?? '—' },
          {
            title: t('emulation.pact'),
            dataIndex: 'pact',
            render: (pact: BlockItem['pact']) => (pact ? <Link to={`/emulation/pacts/${pact.id}`}><PactStateTag state={pact.state} /></Link> : <Tag>{t('emulation.pact.noPact')}</Tag>),
          },
        ]}
      />
      {creating && <NewBlockDialog year={year} onClose={() => setCreating(false)} />}
    </Card>
  );
}

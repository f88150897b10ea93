import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsNarrow } from '../../components/useIsNarrow.ts';
import { useT } from '../../i18n/index.tsx';
import { useBlock, useCreatePact, useSetMembers, useUpdateBlock, type Block, type Member } from './emulationApi.ts';
import { MemberPicker } from './MemberPicker.tsx';
import { PactStateTag } from './PactStateTag.tsx';

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Members, head and deputy of a block, saved in two steps (members, then head and deputy among them). */
function BlockEditor({ block }: { block: Block }) {
  const t = useT();
  const { message } = App.useApp();
  const setMembersApi = useSetMembers(block.id);
  const update = useUpdateBlock(block.id);
  const [members, setMembers] = useState<Member[]>(block.members);
  const [head, setHead] = useState(block.headOrganisationId);
  const [deputy, setDeputy] = useState(block.deputyOrganisationId);
  const [error, setError] = useState<ApiError | Error | null>(null);
  useEffect(() => {
    setMembers(block.members);
    setHead(block.headOrganisationId);
    setDeputy(block.deputyOrganisationId);
  }, [block]);
  const options = block.members.map((m) => ({ value: m.id, label: m.name }));
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      void message.success(t('emulation.block.saved'));
    } catch (e) {
      setError(e as Error);
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError && error.field === field ? error.message : undefined);
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={14}>
        <FormField label={t('emulation.block.members')} htmlFor="block-members" error={fieldError('organisationIds')}>
          <MemberPicker id="block-members" members={members} onChange={setMembers} />
        </FormField>
        <Button onClick={() => void run(() => setMembersApi.mutateAsync(members.map((m) => m.id)))} loading={setMembersApi.isPending} data-testid="save-members">
          {t('emulation.block.saveMembers')}
        </Button>
      </Col>
      <Col xs={24} lg={10}>
        <Form layout="vertical" component="div">
          <FormField label={t('emulation.block.head')} htmlFor="block-head" error={fieldError('headOrganisationId')}>
            <Select id="block-head" allowClear value={head} onChange={(v) => setHead(v ?? null)} options={options} placeholder={t('common.select')} />
          </FormField>
          <FormField label={t('emulation.block.deputy')} htmlFor="block-deputy" error={fieldError('deputyOrganisationId')}>
            <Select id="block-deputy" allowClear value={deputy} onChange={(v) => setDeputy(v ?? null)} options={options} placeholder={t('common.select')} />
          </FormField>
          <Button type="primary" onClick={() => void run(() => update.mutateAsync({ headOrganisationId: head, deputyOrganisationId: deputy }))} loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Col>
      {error && !(error instanceof ApiError && error.field) && (
        <Col span={24}>
          <Alert type="error" showIcon title={errorOf(error)} />
        </Col>
      )}
    </Row>
  );
}

/** Creates the block's pact (a draft) and opens it. */
function NewPact({ block }: { block: Block }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreatePact();
  const [title, setTitle] = useState(`Giao ước thi đua năm ${block.year} của ${block.name}`);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const pact = await create.mutateAsync({ blockId: block.id, title: title.trim() });
      navigate(`/emulation/pacts/${pact.id}`);
    } catch (e) {
      setError(errorOf(e));
    }
  };
  return (
    <Form layout="vertical" component="div">
      <FormField label={t('emulation.pact.title')} htmlFor="pact-title" error={error ?? undefined} required>
        <Input id="pact-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      </FormField>
      <Button type="primary" onClick={() => void submit()} loading={create.isPending} data-testid="create-pact">
        {t('emulation.pact.create')}
      </Button>
    </Form>
  );
}

/** One block: its members, head and deputy, and its pact. */
export default function BlockPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const { id = '' } = useParams();
  const block = useBlock(id);
  if (block.isLoading) return <PageLoading />;
  if (block.error || !block.data) return <PageError error={block.error} />;
  const b = block.data;
  const nameOf = (orgId: string | null) => b.members.find((m) => m.id === orgId)?.name ?? '—';
  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
        <Link to={`/emulation?year=${b.year}`}>
          <ArrowLeftOutlined /> {t('emulation.block.back')}
        </Link>
        <PageTitle style={{ marginTop: 8 }}>{b.name}</PageTitle>
        <Descriptions column={narrow ? 1 : 3} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('emulation.year')}>{b.year}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.block.head')}>{nameOf(b.headOrganisationId)}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.block.deputy')}>{nameOf(b.deputyOrganisationId)}</Descriptions.Item>
        </Descriptions>
        {b.can.edit ? <BlockEditor block={b} /> : <ul>{b.members.map((m) => <li key={m.id}>{m.name}</li>)}</ul>}
      </Card>
      <Card title={t('emulation.pact')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
        {b.pact ? (
          <Flex gap={12} align="center" wrap>
            <Link to={`/emulation/pacts/${b.pact.id}`} data-testid="open-pact">{b.pact.title}</Link>
            <PactStateTag state={b.pact.state} />
          </Flex>
        ) : b.can.createPact ? (
          <NewPact block={b} />
        ) : (
          t('emulation.block.noPact')
        )}
      </Card>
    </Flex>
  );
}

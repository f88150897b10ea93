import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { useUpdatePact, type Criterion, type Pact } from './emulationApi.ts';

const EMPTY: Criterion = { name: '', unit: '', target: '', points: 10, maxPoints: 10, direction: 'higher_better', rule: { below: 'proportional', step: '1', bonusPerStep: '0', penaltyPerStep: '0' } };

/** The pact's criteria: a table of fields while the pact is a draft, the scoring rules in words once signed. */
export function CriteriaEditor({ pact }: { pact: Pact }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useUpdatePact(pact.id);
  const [rows, setRows] = useState<Criterion[]>(() => pact.criteria.map(({ name, unit, target, points, maxPoints, direction, rule }) => ({ name, unit, target: target.replace('.', ','), points, maxPoints, direction, rule: { ...rule, step: rule.step.replace('.', ','), bonusPerStep: rule.bonusPerStep.replace('.', ','), penaltyPerStep: rule.penaltyPerStep.replace('.', ',') } })));
  const [error, setError] = useState<string | null>(null);
  if (!pact.can.edit) {
    return (
      <Table
        rowKey="id"
        dataSource={pact.criteria}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('emulation.criteria.none') }}
        columns={[
          { title: 'TT', dataIndex: 'position', width: 48 },
          { title: t('emulation.criterion.name'), dataIndex: 'name' },
          { title: t('emulation.criterion.target'), render: (_: unknown, c) => `${c.target.replace('.', ',')} ${c.unit}` },
          { title: t('emulation.criterion.points'), dataIndex: 'points', align: 'right' },
          { title: t('emulation.criterion.maxPoints'), dataIndex: 'maxPoints', align: 'right' },
          { title: t('emulation.criterion.rule'), dataIndex: 'ruleText', width: 360 },
        ]}
      />
    );
  }
  const change = (i: number, patch: Partial<Criterion>) => setRows((all) => all.map((r, k) => (k === i ? { ...r, ...patch, rule: { ...r.rule, ...(patch.rule ?? {}) } } : r)));
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ criteria: rows });
      void message.success(t('emulation.criteria.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const text = (i: number, key: 'name' | 'unit' | 'target', width: number, label: string) => (
    <Input aria-label={`${label} ${i + 1}`} value={rows[i]![key]} onChange={(e) => change(i, { [key]: e.target.value })} style={{ width }} data-testid={`criterion-${key}-${i}`} />
  );
  const ruleText = (i: number, key: 'step' | 'bonusPerStep' | 'penaltyPerStep', label: string) => (
    <Input aria-label={`${label} ${i + 1}`} value={rows[i]!.rule[key]} onChange={(e) => change(i, { rule: { ...rows[i]!.rule, [key]: e.target.value } })} style={{ width: 72 }} data-testid={`criterion-${key}-${i}`} />
  );
  const points = (i: number, key: 'points' | 'maxPoints', label: string) => (
    <InputNumber aria-label={`${label} ${i + 1}`} min={0} max={1000} value={rows[i]![key]} onChange={(v) => change(i, { [key]: Number(v ?? 0) })} style={{ width: 72 }} data-testid={`criterion-${key}-${i}`} />
  );
  return (
    <Flex vertical gap={12}>
      <Table
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('emulation.criteria.none') }}
        columns={[
          { title: 'TT', render: (_: unknown, __, i) => i + 1, width: 40 },
          { title: t('emulation.criterion.name'), render: (_: unknown, __, i) => text(i, 'name', 240, t('emulation.criterion.name')) },
          { title: t('emulation.criterion.unit'), render: (_: unknown, __, i) => text(i, 'unit', 100, t('emulation.criterion.unit')) },
          { title: t('emulation.criterion.target'), render: (_: unknown, __, i) => text(i, 'target', 80, t('emulation.criterion.target')) },
          { title: t('emulation.criterion.points'), render: (_: unknown, __, i) => points(i, 'points', t('emulation.criterion.points')) },
          { title: t('emulation.criterion.maxPoints'), render: (_: unknown, __, i) => points(i, 'maxPoints', t('emulation.criterion.maxPoints')) },
          {
            title: t('emulation.criterion.direction'),
            render: (_: unknown, r, i) => (
              <Select aria-label={`${t('emulation.criterion.direction')} ${i + 1}`} value={r.direction} onChange={(direction) => change(i, { direction })} style={{ width: 150 }}
                options={(['higher_better', 'lower_better'] as const).map((d) => ({ value: d, label: t(`emulation.criterion.direction.${d}`) }))} />
            ),
          },
          {
            title: t('emulation.criterion.below'),
            render: (_: unknown, r, i) => (
              <Select aria-label={`${t('emulation.criterion.below')} ${i + 1}`} value={r.rule.below} onChange={(below) => change(i, { rule: { ...r.rule, below } })} style={{ width: 130 }}
                options={(['proportional', 'zero', 'penalty'] as const).map((b) => ({ value: b, label: t(`emulation.criterion.below.${b}`) }))} />
            ),
          },
          { title: t('emulation.criterion.step'), render: (_: unknown, __, i) => ruleText(i, 'step', t('emulation.criterion.step')) },
          { title: t('emulation.criterion.bonus'), render: (_: unknown, __, i) => ruleText(i, 'bonusPerStep', t('emulation.criterion.bonus')) },
          { title: t('emulation.criterion.penalty'), render: (_: unknown, __, i) => ruleText(i, 'penaltyPerStep', t('emulation.criterion.penalty')) },
          {
            title: '',
            render: (_: unknown, __, i) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('emulation.criteria.remove')} ${i + 1}`} onClick={() => setRows((all) => all.filter((_r, k) => k !== i))} />,
          },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={8} wrap>
        <Button icon={<PlusOutlined />} onClick={() => setRows((all) => [...all, { ...EMPTY }])} data-testid="add-criterion">
          {t('emulation.criteria.add')}
        </Button>
        <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="save-criteria">
          {t('emulation.criteria.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { uploadFile } from '../../api/upload.ts';
import { useT } from '../../i18n/index.tsx';
import { usePutResults, useResults, type Results } from './emulationApi.ts';

type Org = Results['organisations'][number];

/** Every member's results on the pact's criteria: a row of number fields each (decimal comma), saved row by row. */
export function ResultsGrid({ pactId }: { pactId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const results = useResults(pactId);
  const put = usePutResults(pactId);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  /** Staff attach an evidence file (photo, PDF) to one member's result on one criterion. */
  const attach = async (org: Org, criterionId: string, file: File) => {
    setError(null);
    try {
      await uploadFile(`/api/emulation/results/files?pactId=${pactId}&criterionId=${criterionId}&organisationId=${org.id}`, file, () => undefined);
      await client.invalidateQueries({ queryKey: ['emulation', 'results', pactId] });
    } catch (e) {
      setError(`${org.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (results.error) return <Alert type="error" showIcon title={(results.error as Error).message} />;
  const data = results.data;
  const key = (org: string, criterion: string) => `${org}:${criterion}`;
  const shown = (org: Org, criterionId: string) => edits[key(org.id, criterionId)] ?? org.results.find((r) => r.criterionId === criterionId)?.value?.replace('.', ',') ?? '';
  const save = async (org: Org) => {
    setError(null);
    try {
      await put.mutateAsync({ organisationId: org.id, values: data!.criteria.map((c) => ({ criterionId: c.id, value: shown(org, c.id).trim() || null })) });
      setEdits((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(`${org.id}:`))));
      void message.success(t('emulation.results.saved', { name: org.name }));
    } catch (e) {
      setError(`${org.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <Flex vertical gap={12}>
      {data && !data.can.report && <Alert type="info" showIcon title={t('emulation.results.notOpen')} />}
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Org>
        rowKey="id"
        loading={results.isLoading}
        dataSource={data?.organisations ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('emulation.results.none') }}
        columns={[
          { title: t('emulation.results.member'), dataIndex: 'name', fixed: 'left', width: 220 },
          ...(data?.criteria ?? []).map((c) => ({
            title: `${c.position}. ${c.name} (${c.unit})`,
            key: c.id,
            width: 150,
            render: (_: unknown, org: Org) => {
              const files = org.results.find((r) => r.criterionId === c.id)?.files ?? [];
              return (
                <Flex vertical gap={2}>
                  <Input
                    aria-label={`${org.name} — ${c.name}`}
                    inputMode="decimal"
                    value={shown(org, c.id)}
                    disabled={!data!.can.report}
                    onChange={(e) => setEdits((all) => ({ ...all, [key(org.id, c.id)]: e.target.value }))}
                    style={{ width: 120 }}
                  />
                  {data!.can.report && (
                    <label style={{ fontSize: 12, cursor: 'pointer' }}>
                      <input
                        type="file"
                        accept="image/*,application/pdf"
                        aria-label={`${t('emulation.results.files')}: ${org.name} — ${c.name}`}
                        style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                        onChange={(e) => {
                          const file = e.target.files?.[0];
                          e.target.value = '';
                          if (file) void attach(org, c.id, file);
                        }}
                      />
                      <UploadOutlined /> {t('emulation.results.files')}
                    </label>
                  )}
                  {files.map((f) => (
                    <Typography.Link key={f.id} href={`/api/emulation/results/files/${f.id}`} style={{ fontSize: 12 }}>
                      <PaperClipOutlined /> {f.fileName}
                    </Typography.Link>
                  ))}
                </Flex>
              );
            },
          })),
          {
            title: '',
            key: 'save',
            render: (_: unknown, org: Org) =>
              data?.can.report ? (
                <Button onClick={() => void save(org)} loading={put.isPending && put.variables?.organisationId === org.id}>
                  {t('emulation.results.save')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Flex>
  );
}

import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { DateInput } from '../../../components/DateInput.tsx';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { DOCUMENT_KINDS, uploadWithProgress, useLibraryMutations, type DocumentInput, type LegalDocument } from '../libraryApi.ts';

const EMPTY: DocumentInput = { numberSymbol: '', kind: 'plan', title: '', issuer: '', issuedOn: '', effectiveOn: null, summary: '', published: true, fileId: null };
type Field = keyof DocumentInput;

/** Adding a document, or changing one: number, kind, title, issuer, dates, summary, its file, public or not. */
export function DocumentDialog({ document, onClose }: { document: LegalDocument | 'new' | null; onClose: () => void }) {
  const t = useT();
  const { save } = useLibraryMutations<DocumentInput>('documents');
  const existing = document && document !== 'new' ? document : null;
  const [input, setInput] = useState<DocumentInput>(EMPTY);
  const [fileName, setFileName] = useState<string | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setInput(existing ? { numberSymbol: existing.numberSymbol, kind: existing.kind, title: existing.title, issuer: existing.issuer, issuedOn: existing.issuedOn, effectiveOn: existing.effectiveOn, summary: existing.summary, published: existing.published, fileId: existing.file?.id ?? null } : EMPTY);
    setFileName(existing?.file?.fileName ?? null);
    setError(null);
  }, [document, existing]);

  const set = <K extends Field>(field: K, value: DocumentInput[K]) => setInput((i) => ({ ...i, [field]: value }));
  const labels: Partial<Record<Field, MessageKey>> = { numberSymbol: 'library.docs.number', title: 'library.docs.titleField', issuer: 'library.docs.issuer', issuedOn: 'library.docs.issuedOn' };
  const status = (field: Field) => (error?.field === field ? { validateStatus: 'error' as const, help: error.message } : {});

  const submit = () => {
    for (const field of ['numberSymbol', 'title', 'issuer', 'issuedOn'] as const) {
      if (!String(input[field] ?? '').trim()) return setError({ field, message: t('library.docs.required', { field: t(labels[field]!) }) });
    }
    save.mutate({ id: existing?.id, input: { ...input, effectiveOn: input.effectiveOn || null } }, { onSuccess: onClose, onError: (e) => setError({ field: e instanceof ApiError ? e.field : undefined, message: e.message }) });
  };

  const upload = async (file: File) => {
    setError(null);
    try {
      const stored = await uploadWithProgress<{ id: string; fileName: string }>('/api/portal/files', file, {}, (p) => setUploading(p.phase === 'uploading' ? p.percent : 100));
      set('fileId', stored.id);
      setFileName(stored.fileName);
    } catch (e) {
      setError({ field: 'fileId', message: (e as Error).message });
    } finally {
      setUploading(null);
    }
  };

  return (
    <Modal open={document !== null} title={existing ? t('library.docs.editTitle') : t('library.docs.new')} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} okButtonProps={{ disabled: uploading !== null }} destroyOnHidden width={720}>
      <Form layout="vertical" component="div">
        <Flex wrap gap={12}>
          <Form.Item style={{ flex: '1 1 200px' }} label={t('library.docs.number')} htmlFor="doc-number" required {...status('numberSymbol')}>
            <Input id="doc-number" value={input.numberSymbol} onChange={(e) => set('numberSymbol', e.target.value)} maxLength={60} placeholder="641/KH-UBND" data-testid="doc-number" />
          </Form.Item>
          <Form.Item style={{ flex: '1 1 200px' }} label={t('library.docs.kind')} htmlFor="doc-kind" required {...status('kind')}>
            <Select id="doc-kind" value={input.kind} onChange={(v) => set('kind', v)} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`library.docKind.${k}`) }))} data-testid="doc-kind" />
          </Form.Item>
        </Flex>
        <Form.Item label={t('library.docs.titleField')} htmlFor="doc-title" required {...status('title')}>
          <Input.TextArea id="doc-title" value={input.title} onChange={(e) => set('title', e.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="doc-title" />
        </Form.Item>
        <Form.Item label={t('library.docs.issuer')} htmlFor="doc-issuer" required {...status('issuer')}>
          <Input id="doc-issuer" value={input.issuer} onChange={(e) => set('issuer', e.target.value)} maxLength={200} data-testid="doc-issuer" />
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item style={{ flex: '1 1 200px' }} label={t('library.docs.issuedOn')} htmlFor="doc-issued" required {...status('issuedOn')}>
            <DateInput id="doc-issued" value={input.issuedOn} onChange={(v) => set('issuedOn', v ?? '')} />
          </Form.Item>
          <Form.Item style={{ flex: '1 1 200px' }} label={t('library.docs.effectiveOn')} htmlFor="doc-effective" {...status('effectiveOn')}>
            <DateInput id="doc-effective" value={input.effectiveOn} onChange={(v) => set('effectiveOn', v)} min={input.issuedOn || undefined} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('library.docs.summary')} htmlFor="doc-summary" {...status('summary')}>
          <Input.TextArea id="doc-summary" value={input.summary} onChange={(e) => set('summary', e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('library.docs.file')} htmlFor="doc-file" {...status('fileId')}>
          <Flex wrap gap={8} align="center">
            <input ref={fileInput} id="doc-file" type="file" accept=".pdf,.docx,.xlsx" hidden onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
            <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} loading={uploading !== null}>
              {uploading !== null ? t('library.images.uploading', { percent: uploading }) : t('library.docs.fileChoose')}
            </Button>
            {fileName && input.fileId && (
              <>
                <Typography.Text><PaperClipOutlined /> {fileName}</Typography.Text>
                <Button type="link" onClick={() => { set('fileId', null); setFileName(null); }}>{t('library.docs.fileRemove')}</Button>
              </>
            )}
          </Flex>
        </Form.Item>
        <Form.Item label={t('library.published')} htmlFor="doc-published">
          <Switch id="doc-published" checked={input.published} onChange={(v) => set('published', v)} />
        </Form.Item>
      </Form>
      {error && !['numberSymbol', 'kind', 'title', 'issuer', 'issuedOn', 'effectiveOn', 'summary', 'fileId'].includes(error.field ?? '') && <Alert type="error" showIcon role="alert" title={error.message} />}
    </Modal>
  );
}

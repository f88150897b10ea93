import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Modal, Pagination, Progress, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { PageError } from '../../../components/PageStatus.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useIsNarrow } from '../../../components/useIsNarrow.ts';
import { useT } from '../../../i18n/index.tsx';
import { uploadWithProgress, useLibraryImages, type LibraryImage, type Progress as UploadProgress } from '../libraryApi.ts';

/** The portal's image library: upload (with progress, the alt text required, a caption), browse, fix descriptions. */
export default function ImagesPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const images = useLibraryImages(page);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'info'; text: string } | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [editing, setEditing] = useState<LibraryImage | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const upload = async () => {
    setMessage(null);
    if (!file) return setError({ field: 'file', message: t('library.images.fileMissing') });
    if (!alt.trim()) return setError({ field: 'alt', message: t('library.images.altMissing') });
    setError(null);
    try {
      const image = await uploadWithProgress<LibraryImage>('/api/portal/images', file, { alt: alt.trim(), caption: caption.trim() }, setProgress);
      setMessage({ type: image.alreadyStored ? 'info' : 'success', text: image.alreadyStored ? t('library.images.already') : t('library.images.done') });
      setFile(null);
      setAlt('');
      setCaption('');
      if (fileInput.current) fileInput.current.value = '';
      setPage(1);
      await client.invalidateQueries({ queryKey: ['portal-images'] });
    } catch (e) {
      setError({ field: e instanceof ApiError ? e.field : undefined, message: (e as Error).message });
    } finally {
      setProgress(null);
    }
  };
  const status = (field: string) => (error?.field === field ? { validateStatus: 'error' as const, help: error.message } : {});

  if (images.error) return <PageError error={images.error} onRetry={() => void images.refetch()} />;
  return (
    <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <PageTitle>{t('library.images.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('library.images.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Form.Item label={t('library.images.file')} htmlFor="image-file" required {...status('file')}>
            <input ref={fileInput} id="image-file" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="image-file" style={{ maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item label={t('library.images.alt')} htmlFor="image-alt" required {...status('alt')}>
            <Input id="image-alt" value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={300} data-testid="image-alt" />
          </Form.Item>
          <Form.Item label={t('library.images.caption')} htmlFor="image-caption" {...status('caption')}>
            <Input id="image-caption" value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} data-testid="image-caption" />
          </Form.Item>
          {progress && (
            <div role="status" style={{ marginBottom: 12 }}>
              <Progress percent={progress.phase === 'uploading' ? progress.percent : 100} status="active" />
              <Typography.Text type="secondary">{progress.phase === 'uploading' ? t('library.images.uploading', { percent: progress.percent }) : t('library.images.processing')}</Typography.Text>
            </div>
          )}
          {error && !['file', 'alt', 'caption'].includes(error.field ?? '') && <Alert type="error" showIcon role="alert" title={error.message} style={{ marginBottom: 12 }} />}
          {message && <Alert type={message.type} showIcon role="status" title={message.text} style={{ marginBottom: 12 }} />}
          <Button type="primary" icon={<UploadOutlined />} onClick={() => void upload()} loading={progress !== null} data-testid="image-upload">{t('library.images.upload')}</Button>
        </Form>
      </Card>
      {images.data && images.data.items.length === 0 ? (
        <Empty description={t('library.images.empty')} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${narrow ? 140 : 180}px, 1fr))`, gap: 12 }}>
          {(images.data?.items ?? []).map((image) => (
            <figure key={image.id} style={{ margin: 0 }} data-testid="library-image">
              <a href={`/media/${image.id}/${image.widths[image.widths.length - 1] ?? image.width}.webp`} target="_blank" rel="noreferrer" aria-label={`${t('library.images.open')}: ${image.alt}`}>
                <img src={image.src} alt={image.alt} loading="lazy" width={image.width} height={image.height} style={{ width: '100%', height: 'auto', aspectRatio: `${image.width} / ${image.height}`, objectFit: 'cover', borderRadius: 4, background: '#f0f0f0' }} />
              </a>
              <figcaption style={{ fontSize: 13 }}>
                <Flex justify="space-between" align="start" gap={4}>
                  <span>{image.caption || image.alt}<br /><Typography.Text type="secondary">{t('library.images.size', { width: image.width, height: image.height })}</Typography.Text></span>
                  <Button size="small" type="text" icon={<EditOutlined />} aria-label={`${t('library.images.editTitle')}: ${image.alt}`} onClick={() => setEditing(image)} />
                </Flex>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
      {(images.data?.total ?? 0) > 24 && <Pagination style={{ marginTop: 16 }} current={page} pageSize={24} total={images.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />}
      <ImageDialog image={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function ImageDialog({ image, onClose }: { image: LibraryImage | null; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setAlt(image?.alt ?? '');
    setCaption(image?.caption ?? '');
    setError(null);
  }, [image]);
  const save = async () => {
    if (!image) return;
    if (!alt.trim()) return setError(t('library.images.altMissing'));
    setSaving(true);
    try {
      await api.patch(`/api/portal/images/${image.id}`, { alt: alt.trim(), caption: caption.trim() || null });
      await client.invalidateQueries({ queryKey: ['portal-images'] });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={image !== null} title={t('library.images.editTitle')} onCancel={onClose} onOk={() => void save()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label={t('library.images.alt')} htmlFor="edit-image-alt" required {...(error ? { validateStatus: 'error' as const, help: error } : {})}>
          <Input id="edit-image-alt" value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={300} />
        </Form.Item>
        <Form.Item label={t('library.images.caption')} htmlFor="edit-image-caption">
          <Input id="edit-image-caption" value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

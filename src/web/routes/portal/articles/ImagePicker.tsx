import { Alert, Button, Empty, Flex, Input, Modal, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';
import { thumbSrc, useImages, type PortalImage } from './articlesApi.ts';

/** POST /api/portal/images (multipart: alt, caption, then the file). A photo already in the library comes back as it is stored; this insertion uses the words typed. */
async function uploadImage(file: File, alt: string, caption: string): Promise<PortalImage> {
  const form = new FormData();
  form.append('alt', alt);
  form.append('caption', caption);
  form.append('file', file, file.name);
  const response = await fetch('/api/portal/images', { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw await toApiError(response.status, text);
  return { ...(JSON.parse(text) as PortalImage), alt, caption: caption || null };
}

/**
 * The image library in a dialog: choose a photo already uploaded, or upload one (jpg, png, webp) with its
 * description for readers who cannot see it, and a caption. `withCaption`: the caption to show under the photo
 * in the body (the library's caption first).
 */
export function ImagePicker({ open, title, withCaption, onPick, onClose }: {
  open: boolean;
  title: string;
  withCaption: boolean;
  onPick: (image: PortalImage, caption: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const images = useImages(open);
  const [chosen, setChosen] = useState<PortalImage | null>(null);
  const [caption, setCaption] = useState('');
  const [alt, setAlt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setChosen(null);
    setCaption('');
    setAlt('');
    setFile(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const choose = (image: PortalImage) => {
    setChosen(image);
    setCaption(image.caption ?? '');
  };
  const upload = async () => {
    if (!file) return setError(t('portal.image.fileMissing'));
    if (!alt.trim()) return setError(t('portal.image.altMissing'));
    setBusy(true);
    setError(null);
    try {
      const image = await uploadImage(file, alt.trim(), caption.trim());
      await client.invalidateQueries({ queryKey: ['portal', 'images'] });
      onPick(image, caption.trim());
      reset();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={title} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Typography.Title level={2} style={{ fontSize: 16 }}>{t('portal.image.library')}</Typography.Title>
      {images.isLoading && <Spin />}
      {images.error && <Alert type="error" showIcon title={(images.error as Error).message} />}
      {images.data && images.data.length === 0 && <Empty description={t('portal.image.none')} />}
      <Flex wrap gap={8} style={{ maxHeight: 260, overflowY: 'auto', marginBottom: 12 }} data-testid="image-library">
        {images.data?.map((image) => (
          <button
            key={image.id}
            type="button"
            onClick={() => choose(image)}
            aria-pressed={chosen?.id === image.id}
            style={{ padding: 2, border: chosen?.id === image.id ? '3px solid #1456b8' : '1px solid #bbb', borderRadius: 4, background: '#fff', cursor: 'pointer' }}
          >
            <img src={thumbSrc(image)} alt={image.alt || image.originalName || ''} width={120} height={Math.round((120 * image.height) / image.width)} style={{ display: 'block', objectFit: 'cover', maxHeight: 90 }} />
          </button>
        ))}
      </Flex>
      {chosen && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {withCaption && (
            <label>
              {t('portal.image.caption')}
              <Input value={caption} onChange={(e) => setCaption(e.target.value)} data-testid="picked-caption" />
            </label>
          )}
          <Button type="primary" onClick={() => { onPick(chosen, caption.trim()); reset(); }} data-testid="use-image">{t('portal.image.use')}</Button>
        </Flex>
      )}
      <Typography.Title level={2} style={{ fontSize: 16 }}>{t('portal.image.upload')}</Typography.Title>
      <Flex vertical gap={8}>
        <input ref={fileInput} type="file" accept="image/jpeg,image/png,image/webp" aria-label={t('portal.image.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="image-file" />
        <label>
          {t('portal.image.alt')}
          <Input value={alt} onChange={(e) => setAlt(e.target.value)} data-testid="image-alt" />
        </label>
        <label>
          {t('portal.image.caption')}
          <Input value={caption} onChange={(e) => setCaption(e.target.value)} data-testid="image-caption" />
        </label>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Button onClick={upload} loading={busy} data-testid="upload-image">{t('portal.image.uploadAndUse')}</Button>
      </Flex>
    </Modal>
  );
}

import { Alert, Checkbox, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { DateInput } from '../../../components/DateInput.tsx';
import { useT } from '../../../i18n/index.tsx';
import { EVENT_KINDS, useLibraryMutations, type EventInput, type PortalEvent } from '../libraryApi.ts';

const EMPTY: EventInput = { title: '', kind: 'conference', startsOn: '', endsOn: '', place: '', online: false, organiser: '', summary: '', published: true };

/** Adding an event, or changing one: name, kind, dates, place or online, organiser, summary, public or not. */
export function EventDialog({ event, onClose }: { event: PortalEvent | 'new' | null; onClose: () => void }) {
  const t = useT();
  const { save } = useLibraryMutations<EventInput>('events');
  const existing = event && event !== 'new' ? event : null;
  const [input, setInput] = useState<EventInput>(EMPTY);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  useEffect(() => {
    setInput(existing ? { title: existing.title, kind: existing.kind, startsOn: existing.startsOn, endsOn: existing.endsOn, place: existing.place ?? '', online: existing.online, organiser: existing.organiser ?? '', summary: existing.summary, published: existing.published } : EMPTY);
    setError(null);
  }, [event, existing]);

  const set = <K extends keyof EventInput>(field: K, value: EventInput[K]) => setInput((i) => ({ ...i, [field]: value }));
  const status = (field: keyof EventInput) => (error?.field === field ? { validateStatus: 'error' as const, help: error.message } : {});

  const submit = () => {
    if (!input.title.trim()) return setError({ field: 'title', message: t('library.docs.required', { field: t('library.events.name') }) });
    if (!input.startsOn) return setError({ field: 'startsOn', message: t('library.docs.required', { field: t('library.events.startsOn') }) });
    if (!input.online && !input.place?.trim()) return setError({ field: 'place', message: t('library.docs.required', { field: t('library.events.place') }) });
    const body = { ...input, endsOn: input.endsOn || null, place: input.place?.trim() || null, organiser: input.organiser?.trim() || null };
    save.mutate({ id: existing?.id, input: body as EventInput }, { onSuccess: onClose, onError: (e) => setError({ field: e instanceof ApiError ? e.field : undefined, message: e.message }) });
  };

  return (
    <Modal open={event !== null} title={existing ? t('library.events.editTitle') : t('library.events.new')} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} destroyOnHidden width={680}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('library.events.name')} htmlFor="event-title" required {...status('title')}>
          <Input id="event-title" value={input.title} onChange={(e) => set('title', e.target.value)} maxLength={300} data-testid="event-title" />
        </Form.Item>
        <Form.Item label={t('library.events.kind')} htmlFor="event-kind" required {...status('kind')}>
          <Select id="event-kind" value={input.kind} onChange={(v) => set('kind', v)} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`library.eventKind.${k}`) }))} />
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item style={{ flex: '1 1 200px' }} label={t('library.events.startsOn')} htmlFor="event-starts" required {...status('startsOn')}>
            <DateInput id="event-starts" value={input.startsOn} onChange={(v) => set('startsOn', v ?? '')} />
          </Form.Item>
          <Form.Item style={{ flex: '1 1 200px' }} label={t('library.events.endsOn')} htmlFor="event-ends" {...status('endsOn')}>
            <DateInput id="event-ends" value={input.endsOn} onChange={(v) => set('endsOn', v ?? '')} min={input.startsOn || undefined} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('library.events.place')} htmlFor="event-place" required={!input.online} {...status('place')}>
          <Input id="event-place" value={input.place ?? ''} onChange={(e) => set('place', e.target.value)} maxLength={300} data-testid="event-place" />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={input.online} onChange={(e) => set('online', e.target.checked)}>{t('library.events.online')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('library.events.organiser')} htmlFor="event-organiser" {...status('organiser')}>
          <Input id="event-organiser" value={input.organiser ?? ''} onChange={(e) => set('organiser', e.target.value)} maxLength={200} />
        </Form.Item>
        <Form.Item label={t('library.events.summary')} htmlFor="event-summary" {...status('summary')}>
          <Input.TextArea id="event-summary" value={input.summary} onChange={(e) => set('summary', e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t('library.published')} htmlFor="event-published">
          <Switch id="event-published" checked={input.published} onChange={(v) => set('published', v)} />
        </Form.Item>
      </Form>
      {error && !['title', 'kind', 'startsOn', 'endsOn', 'place', 'organiser', 'summary'].includes(error.field ?? '') && <Alert type="error" showIcon role="alert" title={error.message} />}
    </Modal>
  );
}

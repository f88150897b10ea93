import { BoldOutlined, DisconnectOutlined, FileAddOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, RedoOutlined, UndoOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Tooltip } from 'antd';
import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type ReactNode } from 'react';
import { uploadFile } from '../../../api/upload.ts';
import { useT } from '../../../i18n/index.tsx';

/** A toolbar button: named for screen readers, pressed when its format applies at the cursor. */
function Tool({ label, pressed, onClick, icon, children, testId }: { label: string; pressed?: boolean; onClick: () => void; icon?: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <Tooltip title={label}>
      <Button size="small" type={pressed ? 'primary' : 'default'} aria-label={label} aria-pressed={pressed} icon={icon} onClick={onClick} data-testid={testId}>
        {children}
      </Button>
    </Tooltip>
  );
}

/** Links only to web pages, mail, phone or the portal's own paths (the server's sanitiser drops the rest anyway). */
const linkOk = (href: string) => /^(https?:\/\/|mailto:|tel:|\/)/i.test(href);

/** The body editor's tools: headings, bold/italic, lists, links, photos (from the library), attachments, undo. */
export function EditorToolbar({ editor, onPickImage }: { editor: Editor; onPickImage: () => void }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      paragraph: e.isActive('paragraph'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [linkText, setLinkText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attaching, setAttaching] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const chain = () => editor.chain().focus();

  const openLink = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? '');
    setLinkText('');
    setError(null);
    setLinkOpen(true);
  };
  const applyLink = () => {
    const url = href.trim();
    if (!linkOk(url)) return setError(t('portal.editor.linkInvalid'));
    if (editor.state.selection.empty) {
      const text = linkText.trim() || url;
      chain().insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    } else {
      chain().extendMarkRange('link').setLink({ href: url }).run();
    }
    setError(null);
    setLinkOpen(false);
  };
  const attach = async (file: File) => {
    setAttaching(true);
    setError(null);
    try {
      const stored = await uploadFile<{ id: string; url?: string; fileName?: string; file?: { id: string; url: string } }>('/api/portal/files', file, () => {});
      const url = stored.url ?? stored.file?.url ?? `/tep/${stored.id}/${encodeURIComponent(file.name)}`;
      chain().insertContent([{ type: 'text', text: file.name, marks: [{ type: 'link', attrs: { href: url } }] }, { type: 'text', text: ' ' }]).run();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setAttaching(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <>
      <Flex wrap gap={4} role="toolbar" aria-label={t('portal.editor.tools')} style={{ marginBottom: 8 }}>
        <Tool label={t('portal.editor.h2')} pressed={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()} testId="tool-h2">H2</Tool>
        <Tool label={t('portal.editor.h3')} pressed={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()} testId="tool-h3">H3</Tool>
        <Tool label={t('portal.editor.paragraph')} pressed={state.paragraph} onClick={() => chain().setParagraph().run()}>¶</Tool>
        <Tool label={t('portal.editor.bold')} pressed={state.bold} onClick={() => chain().toggleBold().run()} icon={<BoldOutlined />} testId="tool-bold" />
        <Tool label={t('portal.editor.italic')} pressed={state.italic} onClick={() => chain().toggleItalic().run()} icon={<ItalicOutlined />} />
        <Tool label={t('portal.editor.bullet')} pressed={state.bullet} onClick={() => chain().toggleBulletList().run()} icon={<UnorderedListOutlined />} testId="tool-bullet" />
        <Tool label={t('portal.editor.ordered')} pressed={state.ordered} onClick={() => chain().toggleOrderedList().run()} icon={<OrderedListOutlined />} />
        <Tool label={t('portal.editor.link')} pressed={state.link} onClick={openLink} icon={<LinkOutlined />} testId="tool-link" />
        {state.link && <Tool label={t('portal.editor.unlink')} onClick={() => chain().extendMarkRange('link').unsetLink().run()} icon={<DisconnectOutlined />} />}
        <Tool label={t('portal.editor.image')} onClick={onPickImage} icon={<PictureOutlined />} testId="tool-image" />
        <Tool label={attaching ? t('portal.editor.attaching') : t('portal.editor.attach')} onClick={() => fileInput.current?.click()} icon={<FileAddOutlined />} testId="tool-attach" />
        <Tool label={t('portal.editor.undo')} onClick={() => chain().undo().run()} icon={<UndoOutlined />} />
        <Tool label={t('portal.editor.redo')} onClick={() => chain().redo().run()} icon={<RedoOutlined />} />
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={t('portal.editor.attach')}
          accept=".pdf,.doc,.docx,.xls,.xlsx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void attach(file);
          }}
          data-testid="attach-file"
        />
      </Flex>
      {error && !linkOpen && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} closable onClose={() => setError(null)} />}
      <Modal open={linkOpen} title={t('portal.editor.link')} onCancel={() => setLinkOpen(false)} onOk={applyLink} okText={t('portal.editor.linkApply')} cancelText={t('common.cancel')} destroyOnHidden>
        <Flex vertical gap={8}>
          <label>
            {t('portal.editor.linkUrl')}
            <Input value={href} onChange={(e) => setHref(e.target.value)} onPressEnter={applyLink} placeholder="https://" data-testid="link-url" />
          </label>
          {editor.state.selection.empty && (
            <label>
              {t('portal.editor.linkText')}
              <Input value={linkText} onChange={(e) => setLinkText(e.target.value)} data-testid="link-text" />
            </label>
          )}
          {error && <Alert type="error" showIcon title={error} role="alert" />}
        </Flex>
      </Modal>
    </>
  );
}

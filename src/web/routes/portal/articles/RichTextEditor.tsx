import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { bodyImageSrc } from './articlesApi.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { Figcaption, Figure, figureContent } from './figure.ts';
import { ImagePicker } from './ImagePicker.tsx';

const EDITOR_STYLE = `
.article-body { border: 1px solid #8c8c8c; border-radius: 6px; padding: 8px 12px; min-height: 260px; background: #fff; }
.article-body:focus-within { border-color: #1456b8; box-shadow: 0 0 0 2px rgba(20, 86, 184, 0.2); }
.article-body .ProseMirror { outline: none; min-height: 240px; }
.article-body h2 { font-size: 20px; margin: 16px 0 8px; }
.article-body h3 { font-size: 17px; margin: 12px 0 6px; }
.article-body figure { margin: 12px 0; }
.article-body img { max-width: 100%; height: auto; }
.article-body figcaption { font-style: italic; color: #444; border-bottom: 1px dashed #999; min-height: 1.5em; }
.article-body a { text-decoration: underline; }
`;

/**
 * The article body in a maintained rich-text editor (Tiptap): headings h2/h3, paragraphs, bold/italic, lists,
 * links, photos with captions (figure + figcaption) from the library, attachments as links. Its HTML is what the
 * server sanitises and keeps; `html` set from outside (a loaded version) replaces the content.
 */
export function RichTextEditor({ html, editable = true, onChange }: { html: string; editable?: boolean; onChange: (html: string) => void }) {
  const t = useT();
  const [picking, setPicking] = useState(false);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: false, code: false, codeBlock: false, strike: false, underline: false }),
      Link.configure({ openOnClick: false, autolink: true, protocols: ['mailto', 'tel'], HTMLAttributes: { rel: null, target: null } }),
      Image.configure({ inline: false, allowBase64: false }),
      Figure,
      Figcaption,
    ],
    content: html,
    editorProps: { attributes: { 'aria-label': t('portal.field.body'), 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'article-body' } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  // A body loaded after the editor started (the article's answer, a stale save's reload) replaces its content.
  useEffect(() => {
    if (editor && !editor.isDestroyed && html !== (editor.isEmpty ? '' : editor.getHTML())) editor.commands.setContent(html, { emitUpdate: false });
  }, [editor, html]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(editable, false);
  }, [editor, editable]);

  if (!editor) return null;
  return (
    <div>
      <style>{EDITOR_STYLE}</style>
      {editable && <EditorToolbar editor={editor} onPickImage={() => setPicking(true)} />}
      <div className="article-body">
        <EditorContent editor={editor} />
      </div>
      <ImagePicker
        open={picking}
        title={t('portal.editor.image')}
        withCaption
        onClose={() => setPicking(false)}
        onPick={(image, caption) => {
          setPicking(false);
          // The photo, then a paragraph to write on.
          editor.chain().focus().insertContent([figureContent(bodyImageSrc(image), image.alt, caption), { type: 'paragraph' }]).run();
        }}
      />
    </div>
  );
}

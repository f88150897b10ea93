import { mergeAttributes, Node } from '@tiptap/react';

/** A photo's caption, inside a figure. */
export const Figcaption = Node.create({
  name: 'figcaption',
  content: 'inline*',
  marks: 'bold italic link',
  parseHTML: () => [{ tag: 'figcaption' }],
  renderHTML: ({ HTMLAttributes }) => ['figcaption', mergeAttributes(HTMLAttributes), 0],
  // Enter at the end of a caption goes on in a new paragraph after the photo.
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== 'figcaption') return false;
        const after = $from.after($from.depth - 1);
        return editor.chain().insertContentAt(after, { type: 'paragraph' }).setTextSelection(after + 1).run();
      },
    };
  },
});

/** A photo with its caption: <figure><img …><figcaption>…</figcaption></figure> (what the sanitiser keeps). */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'image figcaption',
  defining: true,
  isolating: true,
  draggable: true,
  parseHTML: () => [{ tag: 'figure' }],
  renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes), 0],
});

/** The content to insert for a photo of the library with its caption. */
export function figureContent(src: string, alt: string, caption: string) {
  return {
    type: 'figure',
    content: [
      { type: 'image', attrs: { src, alt } },
      { type: 'figcaption', content: caption ? [{ type: 'text', text: caption }] : [] },
    ],
  };
}

/**
 * A Drupal body made into a portal body: each photo replaced by the portal's copy inside <figure> with its caption
 * in <figcaption> (Drupal 8's data-caption, a <figure> already there, or Drupal 7's habit of an italic paragraph
 * under the photo), the trailing author line ("Nguyễn Thị Thúy - Chánh Văn phòng") taken out into the article's
 * author and position, then everything through sanitizeArticleHtml (styles, <font>, frames, scripts, handlers go).
 */
import { render } from 'dom-serializer';
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { sanitizeArticleHtml } from '../sanitize.ts';

export type BodyImage = { src: string; alt: string; caption: string | null };
/** The portal's copy of a photo (its /media/… address), or null when it could not be had. */
export type PlaceImage = (image: BodyImage) => Promise<{ src: string; width: number; height: number } | null>;
export type AuthorLine = { name: string; position: string | null };

const textOf = (node: ChildNode | ParentNode) => DomUtils.textContent(node as ChildNode).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const isBlank = (node: ChildNode) => (node.type === 'text' && !textOf(node)) || node.type === 'comment';

function nextElement(node: ChildNode): Element | null {
  let next = node.next;
  while (next && isBlank(next)) next = next.next;
  return next instanceof Element ? next : null;
}

/** The <p>/<div> that holds nothing but this photo (and blanks, links around it): replaced whole by the figure. */
function soleContainer(img: Element): Element | null {
  let box: ParentNode | null = img.parent;
  while (box instanceof Element && ['a', 'span', 'strong', 'em'].includes(box.name)) box = box.parent;
  if (!(box instanceof Element) || !['p', 'div'].includes(box.name)) return null;
  return textOf(box) === '' && DomUtils.getElementsByTagName('img', box.children, true).length === 1 ? box : null;
}

/** Drupal 7's caption: the paragraph right after the photo's, nothing in it but italic text. */
function italicCaptionAfter(block: Element): Element | null {
  const next = nextElement(block);
  if (!next || next.name !== 'p') return null;
  const meaningful = next.children.filter((c) => !isBlank(c));
  const italic = meaningful.length > 0 && meaningful.every((c) => c instanceof Element && ['em', 'i'].includes(c.name));
  const text = textOf(next);
  return italic && text.length > 0 && text.length <= 300 ? next : null;
}

function element(name: string, attribs: Record<string, string>, children: ChildNode[] = []): Element {
  const el = new Element(name, attribs, children);
  for (const child of children) child.parent = el;
  return el;
}

type Placed = { src: string; width: number; height: number };
const imageOf = (place: Placed, alt: string) => element('img', { src: place.src, alt, width: String(place.width), height: String(place.height) });

function figure(place: Placed, alt: string, caption: string | null): Element {
  const img = imageOf(place, alt);
  return element('figure', {}, caption ? [img, element('figcaption', {}, [new Text(caption)])] : [img]);
}

/** The <figure> the photo already sits in (directly, or inside a link or a div of it). */
function closestFigure(img: Element): Element | null {
  let box: ParentNode | null = img.parent;
  for (let depth = 0; box instanceof Element && depth < 3; depth++, box = box.parent) if (box.name === 'figure') return box;
  return null;
}

const AUTHOR = /^(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){1,5})\s+[-–—]\s+(.{2,80})$/u;

/** The author line at the body's end: a short "Name - Position" paragraph (a person's name, capitalised words). */
function takeAuthorLine(root: ParentNode): AuthorLine | null {
  const blocks = root.children.filter((c) => !isBlank(c));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    const text = textOf(block);
    if (!text) continue; // trailing empty paragraphs (&nbsp;)
    if (!(block instanceof Element) || !['p', 'div'].includes(block.name) || text.length > 120) return null;
    const bare = AUTHOR.exec(text);
    if (bare) {
      DomUtils.removeElement(block);
      return { name: bare[1]!, position: bare[2]!.trim() };
    }
    const name = /^\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){1,5}$/u.exec(text);
    const marked = DomUtils.getElementsByTagName('strong', block.children, true).length + DomUtils.getElementsByTagName('b', block.children, true).length > 0;
    if (name && marked) {
      DomUtils.removeElement(block);
      return { name: text, position: null };
    }
    return null;
  }
  return null;
}

/**
 * Rewrites a Drupal body: every <img> through `place` (its figure and caption; an unreachable photo left out with
 * its caption), the author line taken out; the result sanitised. Returns the photos in order of appearance.
 */
export async function importBody(html: string, place: PlaceImage): Promise<{ bodyHtml: string; author: AuthorLine | null; images: { src: string; placed: boolean }[] }> {
  const doc = parseDocument(html.normalize('NFC'), { decodeEntities: true });
  const author = takeAuthorLine(doc);
  const images: { src: string; placed: boolean }[] = [];
  for (const img of DomUtils.getElementsByTagName('img', doc.children, true)) {
    const src = (img.attribs.src ?? '').trim();
    const alt = (img.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
    const figureBox = closestFigure(img);
    // A photo standing alone at the top level (CKEditor 5's <img data-caption>) is a block of its own.
    const container = figureBox ?? soleContainer(img) ?? (img.parent instanceof Element ? null : img);
    let caption = img.attribs['data-caption']?.trim() || null;
    let captionBlock: Element | null = null;
    if (!caption && figureBox) {
      const figcaption = DomUtils.findOne((e) => e.name === 'figcaption', figureBox.children, true);
      caption = figcaption ? textOf(figcaption) || null : null;
    }
    if (!caption && container && !figureBox) {
      captionBlock = italicCaptionAfter(container);
      caption = captionBlock ? textOf(captionBlock) : null;
    }
    if (caption) caption = caption.replace(/\s+/g, ' ').trim();
    const placed = src ? await place({ src, alt: alt || caption || '', caption }) : null;
    images.push({ src, placed: placed !== null });
    if (captionBlock) DomUtils.removeElement(captionBlock);
    if (!placed) {
      DomUtils.removeElement(container ?? img);
      continue;
    }
    // Inside running text the photo stays inline, alone (a figure cannot sit in a paragraph).
    if (container) DomUtils.replaceElement(container, figure(placed, alt || caption || '', caption));
    else DomUtils.replaceElement(img, imageOf(placed, alt || caption || ''));
  }
  // Paragraphs left empty (a frame or a script taken out, &nbsp; spacers) go too.
  const bodyHtml = sanitizeArticleHtml(render(doc, { encodeEntities: 'utf8' })).replace(/<p>(?:\s|&nbsp;|\u00a0|<br \/>)*<\/p>\n?/g, '');
  // Word's no-break spaces (&nbsp; runs, spacers) are plain spaces on the portal.
  return { bodyHtml: bodyHtml.replace(/\u00a0/g, ' ').replace(/\n{3,}/g, '\n\n').trim(), author, images };
}

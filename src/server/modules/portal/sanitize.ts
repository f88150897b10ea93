/**
 * The one sanitiser of article HTML (decision 009): applied when an article is saved AND when it is rendered, so
 * that a row written by an older version, an import or by hand never reaches a reader unsanitised. What the
 * editor produces survives; scripts, event handlers, styles, frames, SVG, forms and `javascript:`/`data:` links
 * do not. Images may only come from the portal's own storage (/media/…): an outside image would track readers
 * and break when its site goes.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'code', 'pre',
    'ul', 'ol', 'li', 'a', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The text inside these is code or styling, never content.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'template'],
  exclusiveFilter: (frame) => frame.tag === 'img' && !isOwnMedia(frame.attribs.src),
  transformTags: {
    // Links that leave the site open without handing the portal's window to the other site.
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs };
    },
    // Old sites write <h1> and <h5> inside bodies; the page's own title is the only <h1>.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
  },
};
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel'] };

/** An image of the portal's storage: "/media/<uuid>/<width>.<format>" (no scheme, no host, no "..", no query). */
export function isOwnMedia(src: string | undefined): boolean {
  return typeof src === 'string' && /^\/media\/[0-9a-f-]{36}\/\d{2,4}\.(webp|jpeg)$/.test(src);
}

/** Clean article HTML: what the editor can make, nothing that runs. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), OPTIONS).trim();
}

/** The text of an article's HTML (for search and summaries): tags dropped, entities decoded, spaces collapsed. */
export function articleText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|figcaption|td|th|blockquote)>/gi, '$& '), { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

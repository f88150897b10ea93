import { describe, expect, it } from 'vitest';
import { articleText, sanitizeArticleHtml } from './sanitize.ts';

const IMG = '/media/0b6a1c1e-5f1e-4a2b-9d1c-3e4f5a6b7c8d/800.webp';

describe('sanitizeArticleHtml', () => {
  it('keeps what the editor makes', () => {
    const html = `<h2>Kết quả</h2><p>Năm <strong>2023</strong>, <a href="https://vca.org.vn/">Liên minh</a> và <a href="/tin-tuc/x">tin</a>.</p><ul><li>một</li></ul><figure><img src="${IMG}" alt="Hội nghị"><figcaption>Toàn cảnh</figcaption></figure>`;
    const clean = sanitizeArticleHtml(html);
    expect(clean).toContain('<h2>Kết quả</h2>');
    expect(clean).toContain('<a href="https://vca.org.vn/" rel="noopener noreferrer nofollow">Liên minh</a>');
    expect(clean).toContain('<a href="/tin-tuc/x">tin</a>');
    expect(clean).toContain(`<img src="${IMG}" alt="Hội nghị" />`);
    expect(clean).toContain('<figcaption>Toàn cảnh</figcaption>');
  });
  it('drops scripts, handlers, javascript: links, SVG payloads, frames and styles', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<p onclick="alert(2)" style="color:red">chữ</p>',
      '<a href="javascript:alert(3)">bấm</a>',
      '<a href="JaVaScRiPt&colon;alert(4)">bấm</a>',
      '<svg onload="alert(5)"><script>alert(6)</script></svg>',
      '<img src="x" onerror="alert(7)">',
      `<img src="${IMG}" onerror="alert(8)">`,
      '<iframe src="https://evil.example"></iframe>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==">x</a>',
      '<math><mi xlink:href="javascript:alert(10)">x</mi></math>',
      '<form action="/api/auth/logout"><button>x</button></form>',
    ].join('');
    const clean = sanitizeArticleHtml(hostile);
    expect(clean).not.toMatch(/script|alert|onerror|onload|onclick|javascript|style=|iframe|svg|data:|<form|<button/i);
    expect(clean).toContain('<p>chữ</p>');
    expect(clean).toContain(`<img src="${IMG}" />`);
  });
  it('accepts only the portal own images', () => {
    for (const src of ['https://tracker.example/p.gif', '//evil.example/a.webp', '/media/../../etc/passwd', `${IMG}?x=1`]) {
      expect(sanitizeArticleHtml(`<img src="${src}">`)).toBe('');
    }
  });
  it('is idempotent and stores NFC', () => {
    const once = sanitizeArticleHtml('<p>Hợp tác xã</p>'.normalize('NFD'));
    expect(once).toBe('<p>Hợp tác xã</p>');
    expect(sanitizeArticleHtml(once)).toBe(once);
  });
});

describe('articleText', () => {
  it('gives the words of the article, decoded, without markup', () => {
    expect(articleText('<h2>Tiêu đề</h2><p>A &amp; B&nbsp;C</p><script>x()</script><ul><li>một</li><li>hai</li></ul>')).toBe('Tiêu đề A & B C một hai');
  });
});

/** The portal's 404 page: in Vietnamese, with the search box and the ways back (status 404, not indexed). */
import { renderDocument, SearchForm } from './layout.tsx';
import type { PageContext, Rendered } from './site.ts';

export function renderNotFoundPage(ctx: PageContext): Rendered {
  const html = renderDocument(
    ctx.site,
    { title: 'Không tìm thấy trang', description: 'Trang bạn tìm không có hoặc đã được chuyển đi.', canonicalPath: ctx.path, noindex: true },
    ctx.path,
    <>
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không có, đã được gỡ xuống hoặc đã chuyển sang địa chỉ khác. Hãy thử tìm:</p>
      <SearchForm id="tim-kiem-404" />
      <ul className="list">
        <li><a href="/">Về trang chủ</a></li>
        <li><a href="/tin-tuc">Xem tin tức mới nhất</a></li>
        <li><a href="/van-ban">Tra cứu văn bản</a></li>
      </ul>
    </>,
  );
  return { status: 404, html };
}

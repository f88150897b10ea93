/** A Drupal body made into a portal body: photos and their captions in each form, the author line, hostile bits. */
import { describe, expect, it } from 'vitest';
import { importBody, type BodyImage, type PlaceImage } from './import-body.ts';

const ID = '0b6c2f6e-8d1e-4c1a-9f57-3f0f1d2a4b5c';
const seen: BodyImage[] = [];
const placeAll: PlaceImage = async (image) => {
  seen.push(image);
  return image.src.includes('mat') ? null : { src: `/media/${ID}/800.webp`, width: 800, height: 533 };
};
const FIGURE = (caption: string) => `<figure><img src="/media/${ID}/800.webp" alt="${caption}" width="800" height="533" /><figcaption>${caption}</figcaption></figure>`;

describe('importBody', () => {
  it('Drupal 8: a top-level <img data-caption> becomes a figure with its caption', async () => {
    const { bodyHtml } = await importBody('<p>Mở đầu.</p><img alt="" data-caption="Quang cảnh Hội nghị" data-entity-type="file" src="/sites/default/files/a.jpg" /><p>Tiếp.</p>', placeAll);
    expect(bodyHtml).toBe(`<p>Mở đầu.</p>${FIGURE('Quang cảnh Hội nghị')}<p>Tiếp.</p>`);
  });

  it('Drupal 7: the italic paragraph under a centred photo is its caption; a pasted <figure> keeps its own', async () => {
    const d7 = '<p style="text-align: center;"><img src="/sites/default/files/a.jpg" style="width: 800px" /></p>\n<p style="text-align: center;"><em>Đồng chí phát biểu</em></p><figure><img src="/sites/default/files/b.jpg"><figcaption>Trao Bằng khen</figcaption></figure>';
    const { bodyHtml } = await importBody(d7, placeAll);
    expect(bodyHtml).toBe(`${FIGURE('Đồng chí phát biểu')}\n${FIGURE('Trao Bằng khen')}`);
  });

  it('an italic paragraph that is not under a photo stays; a photo inside running text stays inline without a figure', async () => {
    const { bodyHtml } = await importBody('<p><em>Lời dẫn.</em></p><p>Ảnh <img src="/sites/default/files/c.jpg" alt="c"> trong câu.</p>', placeAll);
    expect(bodyHtml).toBe(`<p><em>Lời dẫn.</em></p><p>Ảnh <img src="/media/${ID}/800.webp" alt="c" width="800" height="533" /> trong câu.</p>`);
  });

  it('a photo that could not be had is left out with its caption, and reported', async () => {
    const { bodyHtml, images } = await importBody('<p>A.</p><p><img src="/sites/default/files/mat.jpg"></p><p><em>Ảnh đã mất</em></p><p>B.</p>', placeAll);
    expect(bodyHtml).toBe('<p>A.</p><p>B.</p>');
    expect(images).toEqual([{ src: '/sites/default/files/mat.jpg', placed: false }]);
  });

  it('takes the trailing author line out: name and position split at the first dash', async () => {
    const a = await importBody('<p>Nội dung.</p><p style="text-align: right;"><strong>Trần Minh Đức - Phòng Tổ chức - Tổng hợp</strong></p><p>&nbsp;</p>', placeAll);
    expect(a).toMatchObject({ bodyHtml: '<p>Nội dung.</p>', author: { name: 'Trần Minh Đức', position: 'Phòng Tổ chức - Tổng hợp' } });
    const b = await importBody('<p>Nội dung.</p><p><strong>Lê Thu Hà</strong></p>', placeAll);
    expect(b).toMatchObject({ bodyHtml: '<p>Nội dung.</p>', author: { name: 'Lê Thu Hà', position: null } });
    // A last sentence with a dash is not an author line.
    const c = await importBody('<p>Năm 2024 - năm bản lề của giai đoạn 2021-2025.</p>', placeAll);
    expect(c).toMatchObject({ bodyHtml: '<p>Năm 2024 - năm bản lề của giai đoạn 2021-2025.</p>', author: null });
  });

  it('neutralises hostile and junk markup: scripts, handlers, javascript: links, SVG payloads, frames, styles, <font>', async () => {
    const hostile = [
      '<p style="color:red" onclick="steal()"><font face="Arial">Chữ</font>&nbsp;<a href="javascript:alert(1)">x</a> <a href="https://lienminh.vn/a" onmouseover="x()">y</a></p>',
      '<svg onload="alert(1)"><script>alert(2)</script></svg><iframe src="https://evil.example"></iframe>',
      '<img src="x" onerror="alert(3)"><script>document.cookie</script><p><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d"></p>',
    ].join('');
    const { bodyHtml } = await importBody(hostile, async (image) => (image.src.startsWith('data:') || image.src === 'x' ? null : { src: `/media/${ID}/800.webp`, width: 800, height: 533 }));
    expect(bodyHtml).toBe('<p>Chữ <a>x</a> <a href="https://lienminh.vn/a" rel="noopener noreferrer nofollow">y</a></p>');
  });
});

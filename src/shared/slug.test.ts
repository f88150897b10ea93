import { describe, expect, it } from 'vitest';
import { slugFromTitle, uniqueSlug } from './slug.ts';

describe('slugFromTitle', () => {
  it('turns a Vietnamese title into the address the issue names', () => {
    expect(slugFromTitle('Hội nghị tổng kết hoạt động thành viên năm 2023')).toBe('hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023');
    expect(slugFromTitle('Đường vào HTX: “Đổi mới” & phát triển!')).toBe('duong-vao-htx-doi-moi-phat-trien');
  });
  it('cuts long titles at a word', () => {
    const slug = slugFromTitle('Liên minh hợp tác xã tỉnh tổ chức hội nghị tập huấn bồi dưỡng kiến thức cho cán bộ quản lý hợp tác xã', 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect('lien-minh-hop-tac-xa-tinh-to-chuc-hoi-nghi-tap-huan'.startsWith(slug)).toBe(true);
  });
  it('never returns an empty address', () => {
    expect(slugFromTitle('!!!')).toBe('bai-viet');
  });
  it('adds a number when the address is taken', () => {
    const taken = new Set(['tin', 'tin-2']);
    expect(uniqueSlug('tin', (s) => taken.has(s))).toBe('tin-3');
    expect(uniqueSlug('moi', (s) => taken.has(s))).toBe('moi');
  });
});

import type { ChangeEvent } from 'react';
import { MAX_FILES } from './useUploads.ts';

/**
 * Two big buttons: the camera (a photo taken now) and the phone's files (photos already taken, PDFs). One input
 * with `capture` would open only the camera on Android, with no way to a PDF.
 */
export function FilePicker({ count, onChoose }: { count: number; onChoose(files: File[]): void }) {
  const full = count >= MAX_FILES;
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    onChoose(chosen.slice(0, Math.max(0, MAX_FILES - count)));
  };
  return (
    <div className="d-picker">
      <label className={`m-button d-pick${full ? ' d-pick-disabled' : ''}`}>
        <input type="file" className="d-hidden-input" accept="image/*" capture="environment" onChange={choose} disabled={full} data-testid="file-camera" />
        Chụp ảnh
      </label>
      <label className={`m-button d-pick${full ? ' d-pick-disabled' : ''}`}>
        <input type="file" className="d-hidden-input" accept="image/*,application/pdf" multiple onChange={choose} disabled={full} data-testid="file-input" />
        Chọn ảnh hoặc tệp PDF
      </label>
      <p className="m-help">
        {full ? `Đã đủ ${MAX_FILES} tệp.` : `Tối đa ${MAX_FILES} tệp, mỗi tệp đến 10 MB (ảnh JPG, PNG hoặc PDF). Ảnh lớn được thu nhỏ trước khi gửi.`}
      </p>
    </div>
  );
}

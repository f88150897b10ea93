// The words of an official letter forwarding a recommendation (Decree 30/2020/NĐ-CP, Appendix I): number and
// symbol, place and date, subject, recipient, body and closing. Pure: letter.docx.ts lays them out.
import { formatDateVi } from '../../../shared/dates.ts';

export type LetterItem = {
  organisationName: string;
  communeName: string | null;
  registrationNumber: string | null;
  /** The difficulty's code ("2026-0012"). */
  code: string;
  title: string;
  description: string;
};

export type LetterContent = {
  governingBody: string | null;
  issuer: string;
  symbol: string;
  place: string;
  /** "125/LMHTX-VP"; null on a draft (the number is taken when it is forwarded). */
  letterNumber: string | null;
  /** null on a draft: the date is left for the day it is signed. */
  letterDate: string | null;
  /** The year printed on a draft's date line. */
  draftYear: number;
  subject: string;
  /** The field of the difficulties ("Vốn, tín dụng"). */
  categoryLabel: string;
  agencyName: string | null;
  /** The alliance as the body names it ("Liên minh HTX tỉnh Phú Thọ"). */
  allianceName: string;
  /** Staff's own opening paragraph, else the usual one. */
  opening: string | null;
  items: LetterItem[];
  dueOn: string | null;
  signerTitle: string | null;
  signerName: string | null;
};

const BLANK = '      ';

/** "Số: 125/LMHTX-VP"; a draft leaves the number blank ("Số:      /LMHTX-VP") to be written in when it is issued. */
export function numberLine(letterNumber: string | null, symbol: string): string {
  return letterNumber ? `Số: ${letterNumber}` : `Số:${BLANK}/${symbol}`;
}

/**
 * "Phú Thọ, ngày 05 tháng 3 năm 2026": a day under 10 and the months 1 and 2 take a leading zero (Decree 30,
 * Appendix I, II.4.b); a draft leaves day and month blank.
 */
export function placeAndDateLine(place: string, date: string | null, draftYear: number): string {
  if (!date) return `${place}, ngày${BLANK}tháng${BLANK}năm ${draftYear}`;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "V/v kiến nghị tháo gỡ khó khăn về vốn": the subject line under the number, as staff wrote it. */
export function subjectLine(subject: string): string {
  return `V/v ${subject.trim().replace(/^V\/v[.:]?\s*/i, '')}`;
}

/** The opening paragraph: staff's own, else the usual one naming the alliance, the count and the field. */
export function openingParagraph(content: Pick<LetterContent, 'opening' | 'allianceName' | 'items' | 'categoryLabel'>): string {
  if (content.opening?.trim()) return content.opening.trim();
  const organisations = new Set(content.items.map((i) => i.organisationName)).size;
  return (
    `Thực hiện chức năng, nhiệm vụ tổng hợp khó khăn, vướng mắc, kiến nghị của các hợp tác xã trên địa bàn, ` +
    `${content.allianceName} đã tiếp nhận ${content.items.length} kiến nghị của ${organisations} hợp tác xã thuộc lĩnh vực ` +
    `${content.categoryLabel.toLowerCase()}. ${content.allianceName} tổng hợp và kính chuyển các kiến nghị cụ thể như sau:`
  );
}

/** One difficulty as listed in the body: "HTX … (xã …; mã số …) — kiến nghị số 2026-0012: title. description". */
export function itemParagraph(item: LetterItem, index: number): { heading: string; content: string } {
  const where = [item.communeName, item.registrationNumber ? `mã số ${item.registrationNumber}` : null].filter(Boolean).join('; ');
  const heading = `${index + 1}. ${item.organisationName}${where ? ` (${where})` : ''} — kiến nghị số ${item.code}:`;
  const title = item.title.trim().replace(/[.:;]+$/, '');
  const description = item.description.trim();
  return { heading, content: description && description !== title ? `${title}. ${description}` : `${title}.` };
}

/** The closing request: an answer in writing by the due date (or within the usual working days on a draft). */
export function closingParagraph(content: Pick<LetterContent, 'allianceName' | 'agencyName' | 'dueOn'>, workingDays: number): string {
  const agency = content.agencyName ?? 'Quý cơ quan';
  const by = content.dueOn ? `trước ngày ${formatDateVi(content.dueOn)}` : `trong thời hạn ${workingDays} ngày làm việc kể từ ngày nhận được văn bản này`;
  return (
    `${content.allianceName} kính đề nghị ${agency} quan tâm xem xét, giải quyết và trả lời bằng văn bản ${by} ` +
    `để ${content.allianceName} thông báo đến các hợp tác xã có kiến nghị./.`
  );
}

/** The "Nơi nhận" list at the bottom left. */
export function recipientsList(): string[] {
  return ['- Như trên;', '- Các HTX có tên tại văn bản (để biết);', '- Lưu: VT, VP.'];
}

/** The file name a download gets: "cong-van-125-LMHTX-VP.docx", a draft "du-thao-cong-van-….docx". */
export function letterFileName(letterNumber: string | null, recommendationId: string): string {
  if (!letterNumber) return `du-thao-cong-van-${recommendationId.slice(0, 8)}.docx`;
  return `cong-van-${letterNumber.replace(/[^\p{L}\d-]+/gu, '-')}.docx`;
}

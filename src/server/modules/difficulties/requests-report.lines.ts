// The report's summary lines and its note in Vietnamese, shared by the workbook, the PDF, the CLI (no library here).
import type { RequestsReport } from './requests-report.ts';

/** The report's lines (label and figure), shared by the workbook, the PDF and the CLI. */
export function summaryLines(r: RequestsReport): [string, number][] {
  return [
    ['Tiếp nhận trong năm', r.received],
    ['Liên minh trả lời trực tiếp', r.answeredDirectly],
    ['Chuyển cơ quan có thẩm quyền', r.forwarded],
    ['Đã được trả lời (trực tiếp hoặc cơ quan)', r.answered],
    ['Đã giải quyết', r.resolved],
    ['Kết thúc, chưa giải quyết được', r.unresolved],
    ['Chuyển sang năm sau', r.carriedOver],
    ['Quá hạn trả lời', r.overdue],
  ];
}

export const REPORT_NOTE =
  'Tiếp nhận: khó khăn, kiến nghị nêu trong năm; các số trả lời, chuyển, giải quyết tính trên số tiếp nhận đó, đến ngày lập báo cáo ' +
  '(31/12 với năm đã qua). Chuyển sang năm sau: nêu trong hoặc trước năm, chưa kết thúc đến 31/12. Quá hạn: chưa được trả lời, chưa ' +
  'kết thúc và đã quá hạn trả lời. Thời gian trả lời tính bằng ngày làm việc từ ngày công văn của Liên minh đến ngày văn bản trả lời ' +
  '(trung vị và phân vị 90 theo phương pháp thứ hạng gần nhất).';

import { KINDS, STATUSES, type Kind, type Status } from '../../../shared/organisation.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';

// Tried in order on the search key: the more specific wording first ("đang giải thể" before "giải thể",
// "không hoạt động tại địa chỉ" before "không hoạt động", "tạm ngừng" before "ngừng").
const STATUS_RULES: [Status, RegExp][] = [
  ['not_at_address', /dia chi/],
  ['revoked', /thu hoi/],
  ['bankrupt', /pha san/],
  ['converted', /chuyen doi|chuyen thanh doanh nghiep/],
  ['dissolving', /dang giai the|lam thu tuc giai the|dang lam thu tuc/],
  ['dissolved', /giai the/],
  ['suspended', /tam ngung|tam dung|tam nghi/],
  ['stopped', /ngung|ngung hoat dong|khong hoat dong|dung hoat dong|khong con hoat dong/],
  ['active', /^(dang |con )?hoat dong( binh thuong)?$|^dhd$/],
];

/**
 * The status code a spreadsheet's "Tình trạng" names ("Đang hoạt động" → active, "Tạm ngừng kinh doanh" →
 * suspended, "Bị thu hồi GCN" → revoked, …), whatever its accents and case; undefined when it names none.
 */
export function matchStatus(text: string): Status | undefined {
  const key = searchKey(text);
  if (!key) return undefined;
  const code = key.replaceAll(' ', '_');
  if ((STATUSES as readonly string[]).includes(code)) return code as Status;
  return STATUS_RULES.find(([, pattern]) => pattern.test(key))?.[0];
}

const KIND_SPELLINGS: Record<Kind, string[]> = {
  HTX: ['htx', 'hop tac xa'],
  LHHTX: ['lhhtx', 'lh htx', 'lien hiep htx', 'lien hiep hop tac xa', 'lien hiep'],
  THT: ['tht', 'to hop tac', 'tth'],
  QTDND: ['qtdnd', 'qtd', 'quy tin dung nhan dan', 'quy tin dung', 'quy tdnd'],
};

/** The kind a "Loại hình" cell names (HTX, LHHTX/Liên hiệp, THT/Tổ hợp tác, QTDND/Quỹ tín dụng); undefined when none. */
export function matchKind(text: string): Kind | undefined {
  const key = searchKey(text);
  return KINDS.find((kind) => KIND_SPELLINGS[kind].includes(key));
}

/** The kind an organisation's name (and sector) imply when no "Loại hình" says it. */
export function inferKind(name: string, sectorCode: string | undefined): Kind {
  const key = searchKey(name);
  if (sectorCode === 'credit_fund' || /^(quy tin dung|qtdnd|qtd)\b/.test(key)) return 'QTDND';
  if (/^(lien hiep|lhhtx)\b/.test(key)) return 'LHHTX';
  if (/^(to hop tac|tht)\b/.test(key)) return 'THT';
  return 'HTX';
}

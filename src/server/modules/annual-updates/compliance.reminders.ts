/**
 * Reminders of the annual update by email (decision 007): to each due organisation that has not filed or whose
 * update waits for its correction, at the organisation's address and its managers' accounts. Those without any
 * address come back in the answer, for the printable list and the telephone.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Mailer } from '../../mail/mailer.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { UNKNOWN_COMMUNE } from '../reports/annual-report.build.ts';
import { dueUpdates } from './compliance.ts';
import { requireUpdateStaff } from './compliance.policy.ts';

type Recipient = {
  organisation_id: string;
  name: string;
  registration_number: string | null;
  representative: string | null;
  phone: string | null;
  commune_name: string | null;
  state: string;
  emails: string[] | null;
};

export type RemindersResult = {
  year: number;
  /** Organisations reminded (one mail each, to all their addresses). */
  sent: number;
  failed: { organisationId: string; name: string; message: string }[];
  withoutEmail: { organisationId: string; name: string; registrationNumber: string | null; representative: string | null; phone: string | null; communeName: string }[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function reminderText(r: Recipient, year: number): { subject: string; text: string } {
  const returned = r.state === 'returned';
  const subject = returned
    ? `Cập nhật thông tin năm ${year}: Liên minh HTX đề nghị bổ sung, sửa lại`
    : `Nhắc cập nhật thông tin năm ${year} — hạn 15/12/${year}`;
  const ask = returned
    ? `Bản cập nhật thông tin năm ${year} của ${r.name} đã được Liên minh HTX trả lại để sửa một số chỉ tiêu. Đề nghị đơn vị đăng nhập, xem ý kiến ở từng chỉ tiêu, sửa và gửi lại.`
    : `Liên minh HTX chưa nhận được bản cập nhật thông tin năm ${year} của ${r.name}${r.registration_number ? ` (mã số ${r.registration_number})` : ''}. Hạn nộp là 23 giờ 59 ngày 15/12/${year}.`;
  return {
    subject,
    text: [
      `Kính gửi ${r.representative ? `ông/bà ${r.representative}, ` : ''}${r.name},`,
      '',
      ask,
      'Đơn vị có thể cập nhật trên điện thoại tại trang dành cho HTX (mục "Cập nhật thông tin năm"), hoặc liên hệ Liên minh HTX để được hướng dẫn.',
      '',
      'Trân trọng,',
      'Liên minh Hợp tác xã',
    ].join('\n'),
  };
}

/** Emails the due organisations that have not filed, or whose returned update is not corrected yet. */
export async function sendReminders(db: Db, { actor, year, mailer }: { actor: Actor; year: number; mailer: Mailer }): Promise<RemindersResult> {
  const tenantId = requireUpdateStaff(actor);
  if (!mailer.configured) {
    throw new AppError('conflict', 'Máy chủ thư chưa được cấu hình (SMTP_URL) nên chưa gửi được email nhắc: hãy in danh sách chưa nộp để gọi điện.');
  }
  const recipients = await queryRows<Recipient>(db, sql`
    select d.organisation_id::text as organisation_id, o.name, o.registration_number, o.representative, o.phone, d.commune_name, d.state,
           array_remove(array[o.email] || array(
             select u.email from user_organisations uo join users u on u.id = uo.user_id
             where uo.tenant_id = d.tenant_id and uo.organisation_id = d.organisation_id and u.email is not null and u.disabled_at is null
             order by u.email), null) as emails
    from (${dueUpdates({ scope: { kind: 'tenant', tenantId } }, year)}) d
    join organisations o on o.tenant_id = d.tenant_id and o.id = d.organisation_id
    where d.missing or d.returned
    order by d.commune_name nulls last, o.name_order, o.id`);
  const result: RemindersResult = { year, sent: 0, failed: [], withoutEmail: [] };
  for (const r of recipients) {
    const to = [...new Set((r.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => EMAIL.test(e)))];
    if (to.length === 0) {
      result.withoutEmail.push({ organisationId: r.organisation_id, name: r.name, registrationNumber: r.registration_number, representative: r.representative, phone: r.phone, communeName: r.commune_name ?? UNKNOWN_COMMUNE });
      continue;
    }
    try {
      await mailer.send({ to: to.join(', '), ...reminderText(r, year) });
      result.sent += 1;
    } catch (error) {
      result.failed.push({ organisationId: r.organisation_id, name: r.name, message: `Máy chủ thư từ chối: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  await recordAudit(db, {
    actor,
    tenantId,
    action: 'annual_update.reminders_sent',
    // One event per sending (the audit's entity id is a uuid; the year is in the event).
    entityType: 'annual_update_reminders',
    entityId: randomUUID(),
    before: null,
    after: { year, sent: result.sent, failed: result.failed.length, withoutEmail: result.withoutEmail.length },
  });
  return result;
}

import type { Mail } from './mailer.ts';

const vnTime = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function withHtml(mail: Omit<Mail, 'html'>, link: string): Mail {
  const paragraphs = mail.text
    .split('\n\n')
    .map((p) => (p.includes(link) ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`))
    .join('\n');
  return { ...mail, html: `<!doctype html><html lang="vi"><body>${paragraphs}</body></html>` };
}

/** The invitation: who invites, for what, the link and until when it works. */
export function invitationMail({ to, link, allianceName, roleLabel, organisationNames, expiresAt }: { to: string; link: string; allianceName: string; roleLabel: string; organisationNames: string[]; expiresAt: Date }): Mail {
  const forWhat = organisationNames.length > 0 ? ` cho ${organisationNames.join(', ')}` : '';
  const text = [
    'Kính gửi anh/chị,',
    `${allianceName} mời anh/chị dùng tài khoản ${roleLabel}${forWhat} trên Nền tảng Liên minh HTX.`,
    'Mở liên kết dưới đây để đặt mật khẩu (liên kết chỉ dùng được một lần):',
    link,
    `Liên kết có hiệu lực đến ${vnTime(expiresAt)}. Nếu anh/chị không chờ thư này, hãy bỏ qua nó.`,
  ].join('\n\n');
  return withHtml({ to, subject: `Mời dùng tài khoản — ${allianceName}`, text }, link);
}

/** A password reset link (asked for on the forgotten-password page). */
export function resetMail({ to, link, expiresAt }: { to: string; link: string; expiresAt: Date }): Mail {
  const text = [
    'Kính gửi anh/chị,',
    'Có người (có thể là anh/chị) vừa yêu cầu đặt lại mật khẩu cho tài khoản dùng địa chỉ thư này.',
    'Mở liên kết dưới đây để đặt mật khẩu mới (liên kết chỉ dùng được một lần):',
    link,
    `Liên kết có hiệu lực đến ${vnTime(expiresAt)}. Nếu không phải anh/chị yêu cầu, hãy bỏ qua thư này: mật khẩu cũ vẫn dùng được.`,
  ].join('\n\n');
  return withHtml({ to, subject: 'Đặt lại mật khẩu — Nền tảng Liên minh HTX', text }, link);
}

/** A refused account request, with the alliance's reason. */
export function refusalMail({ to, allianceName, reason }: { to: string; allianceName: string; reason: string }): Mail {
  const text = ['Kính gửi anh/chị,', `${allianceName} chưa thể cấp tài khoản theo đề nghị của anh/chị.`, `Lý do: ${reason}`].join('\n\n');
  return { to, subject: `Đề nghị cấp tài khoản — ${allianceName}`, text, html: `<!doctype html><html lang="vi"><body>${text.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>` };
}

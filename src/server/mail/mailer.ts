import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export type Mail = { to: string; subject: string; text: string; html?: string };

export type Mailer = {
  /** True when SMTP_URL is set: mail can be sent. Otherwise the admin hands links over by hand. */
  readonly configured: boolean;
  /** Sends one mail; throws when the server refuses it. Never logs the body (it holds one-time links). */
  send(mail: Mail): Promise<void>;
  close(): void;
};

const FROM_DEFAULT = 'Liên minh HTX <no-reply@lienminh.local>';

/**
 * The platform's mail sender over SMTP (nodemailer). `SMTP_URL` is `smtp://user:pass@host:587` or
 * `smtps://…:465`; `?from=` sets the sender. The URL holds a password: it is never logged, and the logs
 * name only the recipient's domain and the subject.
 */
export function createMailer(smtpUrl: string | undefined, log?: FastifyBaseLogger): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      async send() {
        throw new Error('Chưa cấu hình máy chủ thư (SMTP_URL).');
      },
      close() {},
    };
  }
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from') ?? FROM_DEFAULT;
  url.searchParams.delete('from');
  const transport = nodemailer.createTransport(url.toString());
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      log?.info({ mailTo: mail.to.replace(/^.*@/, '…@'), subject: mail.subject }, 'mail sent');
    },
    close() {
      transport.close();
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

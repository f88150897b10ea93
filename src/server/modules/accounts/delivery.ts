import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Mail } from '../../mail/mailer.ts';

/** The origin a link in a mail or on the admin's screen points to: PUBLIC_ORIGIN, else the request's own. */
export function linkOrigin(request: FastifyRequest, config: Config): string {
  return (config.publicOrigin ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

/** Sends a mail when a mail server is configured; false when it is not or the server refused (logged, no body). */
export async function deliver(app: FastifyInstance, mail: Mail): Promise<boolean> {
  if (!app.mailer.configured) return false;
  try {
    await app.mailer.send(mail);
    return true;
  } catch (error) {
    app.log.warn({ err: error instanceof Error ? error.message : String(error), subject: mail.subject }, 'mail not sent');
    return false;
  }
}

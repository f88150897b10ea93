import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { fieldLabel } from '../../shared/field-labels.ts';
import { formatMegabytes } from '../../shared/format.ts';
import { useVietnameseValidation } from '../../shared/validation-messages.ts';
import { AppError, errorStatus } from './errors.ts';

/** The one error handler: AppError by its code, validation errors as 400 naming the field, the rest 500. */
export function installErrorHandler(app: FastifyInstance): void {
  useVietnameseValidation();
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(errorStatus[error.code]).send({ error: error.code, message: error.message, ...error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || '';
      return reply.status(400).send({
        error: 'bad_request',
        message: labelled(field, first?.message),
        field,
        issues: error.validation.map((v) => ({ field: v.instancePath.replace(/^\//, ''), message: labelled(v.instancePath, v.message) })),
      });
    }
    if (error instanceof ZodError) {
      const first = error.issues[0];
      const field = first?.path.join('.') ?? '';
      return reply.status(400).send({ error: 'bad_request', message: labelled(field, first?.message), field });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // A JSON body past the route's limit is a bad request like any other (issue 5); files have their own 413.
      const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
      return reply.status(400).send({ error: 'bad_request', field: 'body', message: `Nội dung gửi lên vượt quá giới hạn ${formatMegabytes(limit)}.` });
    }
    if (status === 413) return reply.status(413).send({ error: 'payload_too_large', message: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.' });
    if (status === 415) return reply.status(415).send({ error: 'unsupported_media_type', message: 'Kiểu dữ liệu gửi lên không được hỗ trợ.' });
    if (status === 429) return reply.status(429).send({ error: 'rate_limited', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.' });
    if (status >= 400 && status < 500) {
      const body = (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.message.includes('JSON')
        ? 'Nội dung JSON không hợp lệ.'
        : error.message;
      return reply.status(status).send({ error: 'bad_request', message: body });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: 'Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị.' });
  });
}

/** "Ngày thành lập: Ngày không tồn tại": the field by its label (the key stays in `field`), then the message. */
function labelled(field: string, message = 'không hợp lệ'): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return field.replace(/^\//, '') ? `${fieldLabel(field)}: ${message}` : sentence;
}

/**
 * The one not-found handler: any GET outside /api/ goes to `page` when given (the public portal's: an old
 * address's 301, the staff app's index.html or the portal's 404 page), else with a web app to its index.html
 * (the app routes on the client); everything else a 404 in the API's shape.
 */
export function installNotFoundHandler(
  app: FastifyInstance,
  { spa, page }: { spa: boolean; page?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> },
): void {
  app.setNotFoundHandler((request, reply) => {
    if (page && request.method === 'GET' && !request.url.startsWith('/api/')) return page(request, reply);
    if (spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: 'not_found', message: `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}.` });
  });
}

import localize from 'ajv-i18n';
import type { FastifyError } from 'fastify';
import { fromDatabaseError } from '../lib/db-errors.ts';
import { AppError, commonErrors, defineErrors, type FieldError } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';

// biome-ignore lint/suspicious/noExplicitAny: Ajv error objects
type AjvError = any;

/** A missing field's message: the field is named by `field` (and its form label), never in the words. */
const REQUIRED = { 'zh-CN': '此项必填', 'en-US': 'This field is required' } as const;

/** Ajv's instancePath "/rows/3/area" → "rows.3.area"; a missing property names itself. */
function fieldOf(e: AjvError): string {
  const base = String(e.instancePath ?? '')
    .replace(/^\//, '')
    .replaceAll('/', '.');
  if (e.keyword === 'required' && e.params?.missingProperty) {
    return base ? `${base}.${e.params.missingProperty}` : e.params.missingProperty;
  }
  return base;
}

const timeoutErrors = defineErrors({
  REQUEST_TIMEOUT: {
    status: 503,
    'zh-CN': '请求处理超时，请稍后再试',
    'en-US': 'The request took too long; please try again later',
  },
});

/**
 * One handler turns every error into the same JSON: { code, message, fields?, requestId }.
 * Coded errors keep their status; schema failures list every bad field in the user's language;
 * anything unexpected is logged with the request id and shown as a generic message.
 */
export function registerErrorHandler(app: App): void {
  app.setErrorHandler((thrown: FastifyError | AppError, request, reply) => {
    const locale = request.locale ?? 'zh-CN';
    // a constraint the database enforced (a race, a vanished reference): the client's error, not a 500
    const fromDb = thrown instanceof AppError ? null : fromDatabaseError(thrown);
    if (fromDb) request.log.warn({ err: thrown, requestId: request.id }, 'database refused the write');
    const error =
      fromDb ??
      ((thrown as FastifyError).code === 'FST_ERR_HANDLER_TIMEOUT'
        ? timeoutErrors.REQUEST_TIMEOUT()
        : thrown);
    if (error instanceof AppError) {
      const message = error.localized(locale);
      return reply.status(error.status).send({
        code: error.code,
        message,
        fields: error.fields.length
          ? error.fields.map((f) => (f.message ? f : { ...f, message }))
          : undefined,
        ...error.extra,
        requestId: request.id,
      });
    }
    const fe = error as FastifyError & { validationContext?: string };
    if (fe.validation) {
      const errors: AjvError[] = (fe.validation as AjvError[]).map((e: AjvError) => ({ ...e }));
      (locale === 'zh-CN' ? localize.zh : localize.en)(errors);
      const byField = new Map<string, string[]>();
      for (const e of errors) {
        // anyOf/oneOf wrap the specific errors of their branches: keep only the specific ones
        if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
        const field = fieldOf(e) || (fe.validationContext ?? 'body');
        // Ajv's "must have required property 'projectId'" names an internal field: the field is in `field`
        const custom =
          e.keyword === 'required'
            ? REQUIRED[locale === 'zh-CN' ? 'zh-CN' : 'en-US']
            : e.parentSchema?.['x-message']?.[locale];
        const isNullBranch = e.keyword === 'type' && e.params?.type === 'null';
        const list = byField.get(field) ?? [];
        list.push(isNullBranch ? '' : (custom ?? e.message ?? ''));
        byField.set(field, list);
      }
      const fields: FieldError[] = [];
      for (const [field, messages] of byField) {
        // "must be null" from an optional value's null branch is noise when the real reason is there
        const real = [...new Set(messages.filter(Boolean))];
        for (const message of real.length ? real : messages)
          fields.push({ field, message: message || 'null' });
      }
      const err = commonErrors.VALIDATION();
      return reply
        .status(400)
        .send({ code: err.code, message: err.localized(locale), fields, requestId: request.id });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors (bad JSON, body too large, unsupported media type)
      return reply
        .status(fe.statusCode)
        .send({ code: fe.code ?? 'BAD_REQUEST', message: fe.message, requestId: request.id });
    }
    request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    const err = commonErrors.INTERNAL({ requestId: request.id });
    return reply.status(500).send({ code: err.code, message: err.localized(locale), requestId: request.id });
  });
}

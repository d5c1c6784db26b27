import { format, type Locale, type Text } from './i18n.ts';

export interface FieldError {
  /** JSON path of the field, e.g. "phone" or "rows/3/area" */
  field: string;
  message: string;
}

interface ErrorDefinition extends Text {
  status: number;
}

const catalog = new Map<string, ErrorDefinition>();

/**
 * A coded error a service throws. The error handler turns its code into the HTTP status
 * and the message in the caller's language; `params` fill the message's placeholders.
 */
export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly fields: FieldError[];
  /** more of the answer's body, beside code and message (a stale edit's `current` record) */
  extra: Record<string, unknown> = {};
  constructor(code: string, params: Record<string, unknown> = {}, fields: FieldError[] = []) {
    super(code);
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
  get status(): number {
    return catalog.get(this.code)?.status ?? 500;
  }
  localized(locale: Locale): string {
    const def = catalog.get(this.code);
    if (!def) return this.code;
    // a parameter may itself be a Text ({ 'zh-CN', 'en-US' }): pick the caller's language
    const params = Object.fromEntries(
      Object.entries(this.params).map(([k, v]) =>
        v && typeof v === 'object' && locale in (v as object) ? [k, (v as Text)[locale]] : [k, v],
      ),
    );
    return format(def[locale], params);
  }
}

/**
 * Declares a module's error codes with status and messages, and returns a thrower per code:
 *
 *   export const errors = defineErrors({ REPAIR_NOT_FOUND: { status: 404, 'zh-CN': '报修单不存在', 'en-US': '…' } });
 *   throw errors.REPAIR_NOT_FOUND();
 */
export function defineErrors<K extends string>(
  defs: Record<K, ErrorDefinition>,
): Record<K, (params?: Record<string, unknown>, fields?: FieldError[]) => AppError> {
  const out = {} as Record<K, (params?: Record<string, unknown>, fields?: FieldError[]) => AppError>;
  for (const code of Object.keys(defs) as K[]) {
    catalog.set(code, defs[code]);
    out[code] = (params = {}, fields = []) => new AppError(code, params, fields);
  }
  return out;
}

/** Errors every module meets. */
export const commonErrors = defineErrors({
  VALIDATION: {
    status: 400,
    'zh-CN': '提交的数据有误，请检查标出的字段',
    'en-US': 'Some fields are invalid',
  },
  NOT_FOUND: { status: 404, 'zh-CN': '{entity}不存在或无权查看', 'en-US': '{entity} not found' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  FORBIDDEN: { status: 403, 'zh-CN': '您的角色无权执行此操作', 'en-US': 'Your role may not do this' },
  CONFLICT: { status: 409, 'zh-CN': '{message}', 'en-US': '{message}' },
  ILLEGAL_TRANSITION: {
    status: 409,
    'zh-CN': '当前状态“{from}”不能执行“{action}”',
    'en-US': 'Cannot {action} while the record is {from}',
  },
  DUPLICATE: { status: 409, 'zh-CN': '{field}“{value}”已存在', 'en-US': '{field} "{value}" already exists' },
  INTERNAL: {
    status: 500,
    'zh-CN': '系统出现意外错误，请稍后再试（请求编号 {requestId}）',
    'en-US': 'An unexpected error occurred; please try again (request {requestId})',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many failed sign-ins; try again in {minutes} minutes',
  },
});

/** A field-level validation error raised by a service (after the schema passed). */
export function fieldError(field: string, message: Text, locale: Locale): AppError {
  return commonErrors.VALIDATION({}, [{ field, message: message[locale] }]);
}

/** "Not found" for a record the caller cannot see or that does not exist: the two are not told apart. */
export function notFound(zh: string, en: string): AppError {
  return commonErrors.NOT_FOUND({ entity: { 'zh-CN': zh, 'en-US': en } });
}

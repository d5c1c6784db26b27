import { type AppError, defineErrors } from './errors.ts';

/**
 * A database's refusal of a write, as the client's error rather than a 500. Services check their
 * rules and references first (with the field and a message of their own); these answers are the net
 * under them: two requests racing for the same unique name, a reference that vanished meanwhile, a
 * value PostgreSQL cannot read. The error handler asks `fromDatabaseError` before it answers 500.
 */
export const dbErrors = defineErrors({
  DB_DUPLICATE: {
    status: 409,
    'zh-CN': '已存在相同的记录（{field}），请修改后再提交',
    'en-US': 'A record with the same value already exists ({field})',
  },
  DB_REFERENCE: {
    status: 400,
    'zh-CN': '引用的记录不存在或仍被其他记录使用（{field}）',
    'en-US': 'A referenced record does not exist or is still in use ({field})',
  },
  DB_CONSTRAINT: {
    status: 400,
    'zh-CN': '提交的数据不符合规则（{field}）',
    'en-US': 'The data breaks a rule of the record ({field})',
  },
  DB_VALUE: {
    status: 400,
    'zh-CN': '提交的值无法保存（超出范围或格式不对）',
    'en-US': 'A value cannot be stored (out of range or malformed)',
  },
});

interface DriverError {
  code?: unknown;
  message?: unknown;
  /** PostgreSQL: the column of a not-null violation, the constraint and its detail */
  column?: unknown;
  constraint?: unknown;
  detail?: unknown;
}

type Kind = 'duplicate' | 'reference' | 'constraint' | 'value';

const SQLITE: Record<string, Kind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'duplicate',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'duplicate',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'reference',
  SQLITE_CONSTRAINT_CHECK: 'constraint',
  SQLITE_CONSTRAINT_NOTNULL: 'constraint',
  SQLITE_CONSTRAINT_TRIGGER: 'constraint',
  SQLITE_CONSTRAINT: 'constraint',
  SQLITE_MISMATCH: 'value',
  SQLITE_TOOBIG: 'value',
  SQLITE_RANGE: 'value',
};

const POSTGRES: Record<string, Kind> = {
  '23505': 'duplicate', // unique_violation
  '23503': 'reference', // foreign_key_violation
  '23514': 'constraint', // check_violation
  '23502': 'constraint', // not_null_violation
  '23P01': 'constraint', // exclusion_violation
  '22003': 'value', // numeric_value_out_of_range
  '22P02': 'value', // invalid_text_representation
  '22021': 'value', // character_not_in_repertoire (a NUL byte)
  '22001': 'value', // string_data_right_truncation
  '22007': 'value', // invalid_datetime_format
  '22008': 'value', // datetime_field_overflow
  '22P05': 'value', // untranslatable_character
  '54000': 'value', // program_limit_exceeded (an index row too large)
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The column a constraint error names, as the API's field name (`user.username` → `username`). */
function columnOf(error: DriverError): string | null {
  if (typeof error.column === 'string' && error.column) return camel(error.column);
  // PostgreSQL: 'Key (project_id, code)=(1, A) already exists.' / 'Key (unit_id)=(9) is not present …'
  const detail = typeof error.detail === 'string' ? /^Key \(([^)]+)\)/.exec(error.detail) : null;
  if (detail)
    return detail[1]
      .split(',')
      .map((c) => camel(c.trim()))
      .join(', ');
  // SQLite: 'UNIQUE constraint failed: users.username, users.project_id' / 'NOT NULL constraint failed: t.c'
  const message = typeof error.message === 'string' ? /constraint failed: (.+)$/.exec(error.message) : null;
  if (message && !/^FOREIGN KEY/.test(String(error.message))) {
    return message[1]
      .split(',')
      .map((c) => camel(c.trim().split('.').pop() ?? ''))
      .join(', ');
  }
  return null;
}

/** The coded client error a driver's constraint or value error stands for; null for anything else. */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as DriverError;
  if (typeof e.code !== 'string') return null;
  const isSqlite = e.code.startsWith('SQLITE_');
  const kind = isSqlite ? SQLITE[e.code] : /^[0-9A-Z]{5}$/.test(e.code) ? POSTGRES[e.code] : undefined;
  if (!kind) return null;
  const column = columnOf(e);
  const field = column ?? { 'zh-CN': '相关字段', 'en-US': 'a field' };
  // each named field is listed (the handler gives it the answer's message), so a form marks it
  const fields = column ? column.split(', ').map((f) => ({ field: f, message: '' })) : [];
  if (kind === 'duplicate') return dbErrors.DB_DUPLICATE({ field }, fields);
  if (kind === 'reference') return dbErrors.DB_REFERENCE({ field }, fields);
  if (kind === 'constraint') return dbErrors.DB_CONSTRAINT({ field }, fields);
  return dbErrors.DB_VALUE();
}

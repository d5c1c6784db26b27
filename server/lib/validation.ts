import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyRequest } from 'fastify';
import { commonErrors } from './errors.ts';
import type { Text } from './i18n.ts';

// biome-ignore lint/suspicious/noExplicitAny: Ajv instance
function addMessageKeyword(ajv: any) {
  ajv.addKeyword('x-message');
  return ajv;
}

/**
 * `multipleOfPrecision`: `multipleOf: 0.01` is checked on floats, where 1.15 / 0.01 is 114.99999999999999;
 * Ajv then rounds the quotient to 6 decimals, so every number with at most two decimals passes.
 */
const CUSTOM = {
  allErrors: true,
  verbose: true,
  removeAdditional: false,
  useDefaults: true,
  multipleOfPrecision: 6,
} as const;

/** Fastify's Ajv options: a field's readable error text (`x-message`, see lib/schemas.ts). */
export const AJV_OPTIONS = {
  customOptions: { ...CUSTOM, coerceTypes: 'array' },
  plugins: [addMessageKeyword],
  // biome-ignore lint/suspicious/noExplicitAny: Fastify's Ajv option types lag behind Ajv's
} as any;

/**
 * Two validators: query strings, path parameters and headers arrive as text, so their numbers and
 * booleans are read from it (`?page=2`); a JSON body already has types, and is never coerced — `null`
 * stays null, `""` stays a string, `false` stays false, so a wrong type is a 400, not a silently
 * different value (`{"active": null}` must not deactivate a user).
 */
export function validationController() {
  const factory = AjvCompiler();
  return {
    compilersFactory: {
      // biome-ignore lint/suspicious/noExplicitAny: Fastify passes its own option and schema shapes
      buildValidator(externalSchemas: any, ajvOptions: any) {
        const plugins = ajvOptions?.plugins ?? AJV_OPTIONS.plugins;
        const coercing = factory(externalSchemas, {
          customOptions: { ...CUSTOM, coerceTypes: 'array' },
          plugins,
        });
        const strict = factory(externalSchemas, {
          customOptions: { ...CUSTOM, coerceTypes: false },
          plugins,
        });
        // biome-ignore lint/suspicious/noExplicitAny: see above
        return (route: any) =>
          route.httpPart === 'body' ? strict(route) : plainDecimalsOnly(coercing(route), route.schema);
      },
    },
  };
}

const INTEGER_TEXT = /^-?\d{1,15}$/;
const NUMBER_TEXT = /^-?\d{1,15}(\.\d{1,15})?$/;
const DECIMAL_MESSAGE: Record<'integer' | 'number', Text> = {
  integer: { 'zh-CN': '应为十进制整数', 'en-US': 'must be a whole number written in decimal digits' },
  number: { 'zh-CN': '应为十进制数字', 'en-US': 'must be a number written in decimal digits' },
};

// biome-ignore lint/suspicious/noExplicitAny: a JSON schema
type Schema = any;

/** 'integer' or 'number' when the schema takes a number and no text; null otherwise. */
function numericKind(schema: Schema): 'integer' | 'number' | null {
  if (!schema || typeof schema !== 'object') return null;
  const branches: Schema[] = schema.anyOf ?? schema.oneOf ?? [schema];
  const types = branches.flatMap((b) => (Array.isArray(b?.type) ? b.type : [b?.type]));
  if (types.includes('string') || branches.some((b) => b?.type === undefined && b?.enum)) return null;
  if (types.includes('number')) return 'number';
  if (types.includes('integer')) return 'integer';
  // an array of numbers (`?ids=1&ids=2`): its items
  const items = branches.find((b) => b?.type === 'array')?.items;
  return items ? numericKind(items) : null;
}

/**
 * Query strings and path parameters arrive as text, and Ajv reads numbers from it too generously:
 * `Infinity` passes `maximum: 36` (a trend of Infinity months never ends), `1e3`, `0x10`, ` 12`
 * and `12.0` become numbers, 20 digits lose their last ones. A number field of a query or path takes
 * plain decimal digits only (at most 15, so the value is exact); anything else is a 400 naming the field.
 */
// biome-ignore lint/suspicious/noExplicitAny: Ajv's compiled validator
function plainDecimalsOnly(validate: any, schema: Schema) {
  const fields = new Map<string, { kind: 'integer' | 'number'; schema: Schema }>();
  for (const [key, property] of Object.entries<Schema>(schema?.properties ?? {})) {
    const kind = numericKind(property);
    if (kind) fields.set(key, { kind, schema: property });
  }
  if (fields.size === 0) return validate;
  const wrapped = (data: unknown, context?: unknown) => {
    if (data && typeof data === 'object') {
      for (const [key, { kind, schema: property }] of fields) {
        const raw = (data as Record<string, unknown>)[key];
        const values = Array.isArray(raw) ? raw : [raw];
        const pattern = kind === 'integer' ? INTEGER_TEXT : NUMBER_TEXT;
        if (values.some((v) => typeof v === 'string' && !pattern.test(v))) {
          wrapped.errors = [
            {
              keyword: 'type',
              instancePath: `/${key}`,
              schemaPath: `#/properties/${key}/type`,
              params: { type: kind },
              message: `must be ${kind}`,
              parentSchema: { 'x-message': property['x-message'] ?? DECIMAL_MESSAGE[kind] },
            },
          ];
          return false;
        }
      }
    }
    const valid = validate(data, context);
    wrapped.errors = validate.errors;
    return valid;
  };
  // Fastify passes the parent (so Ajv may set defaults) to a validator that has a schemaEnv
  wrapped.schemaEnv = validate.schemaEnv;
  wrapped.errors = null as unknown;
  return wrapped;
}

/** The first string inside a parsed value that holds a NUL or a lone UTF-16 surrogate, with its path. */
export function findOddText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\0') || !value.isWellFormed() ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findOddText(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  // records of fields (a parsed query's prototype is an empty one of its own), never bytes or a stream
  if (
    value &&
    typeof value === 'object' &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { pipe?: unknown }).pipe !== 'function'
  ) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const found = findOddText(v, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Refuses text no person types and no database stores faithfully: NUL bytes (PostgreSQL refuses them
 * outright) and lone surrogates (half of a character) — in the path, the query and a JSON body.
 */
export function refuseOddText(app: {
  addHook(name: 'preValidation', hook: (request: FastifyRequest) => Promise<void>): unknown;
}): void {
  app.addHook('preValidation', async (request) => {
    const json = String(request.headers['content-type'] ?? '').startsWith('application/json');
    for (const value of [request.params, request.query, json ? request.body : undefined]) {
      const field = findOddText(value);
      if (field !== null) {
        const message: Text = {
          'zh-CN': '含有无效字符（空字符或残缺的字符）',
          'en-US': 'contains an invalid character (a NUL or half of a character)',
        };
        throw commonErrors.VALIDATION({}, [{ field: field || 'body', message: message[request.locale] }]);
      }
    }
  });
}

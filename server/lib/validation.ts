import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyRequest } from 'fastify';
import { commonErrors } from './errors.ts';
import type { Text } from './i18n.ts';

// biome-ignore lint/suspicious/noExplicitAny: Ajv instance
function addMessageKeyword(ajv: any) {
  ajv.addKeyword('x-message');
  return ajv;
}

const CUSTOM = { allErrors: true, verbose: true, removeAdditional: false, useDefaults: true } as const;

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
        return (route: any) => (route.httpPart === 'body' ? strict(route) : coercing(route));
      },
    },
  };
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

import { AjvCompiler } from '@fastify/ajv-compiler';

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
        const strict = factory(externalSchemas, { customOptions: { ...CUSTOM, coerceTypes: false }, plugins });
        // biome-ignore lint/suspicious/noExplicitAny: see above
        return (route: any) => (route.httpPart === 'body' ? strict(route) : coercing(route));
      },
    },
  };
}

import fc from 'fast-check';
import { MAX_ID } from '../../server/lib/schemas.ts';

/**
 * Bad requests made from a route's OpenAPI description (test/api/fuzz.test.ts): a request that would
 * pass (path and query values, a body built from the schema and, for an edit, from the record as it is,
 * with its version), then one thing made wrong at a time — a field of the wrong type, null, a number
 * out of every bound, exponent or hex text, 10,000 characters, odd Unicode, a missing or an extra field,
 * a value outside the enum — or the whole body replaced.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas of the OpenAPI document
export type Schema = any;

export interface Param {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** as in the document: /api/users/{id} */
  path: string;
  params: Param[];
  /** the JSON body's schema, if the route takes one */
  body?: Schema;
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  payload?: unknown;
  /** a raw body sent as JSON text (malformed JSON) */
  raw?: string;
  /** what was made wrong, for the failure list */
  label: string;
}

/** What the fuzzer knows of the demo company: ids found by listing, and a record per id. */
export interface Known {
  projectId: number;
  idsByPrefix: Map<string, number[]>;
  records: Map<string, Record<string, unknown>>;
}

const DATE = '2026-11-02';
const TEXT_CANDIDATES = [
  'abc',
  'A1',
  '13800138001',
  '2026-11',
  DATE,
  `${DATE}T08:00:00.000Z`,
  'CS-SUPERVISOR',
  'a'.repeat(32),
];

const firstType = (schema: Schema): string | undefined =>
  Array.isArray(schema?.type) ? schema.type.find((t: string) => t !== 'null') : schema?.type;

const branches = (schema: Schema): Schema[] => schema?.anyOf ?? schema?.oneOf ?? [schema];

const isId = (schema: Schema) =>
  branches(schema).some((b) => b?.type === 'integer' && b?.maximum === MAX_ID && b?.minimum === 1);

/** A value the schema takes (as far as a schema alone tells). */
export function sampleOf(schema: Schema, name: string, known: Known): unknown {
  if (!schema || typeof schema !== 'object') return 'abc';
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) {
    const branch = branches(schema).find((b) => b?.type !== 'null') ?? branches(schema)[0];
    return sampleOf(branch, name, known);
  }
  if (schema.default !== undefined) return schema.default;
  switch (firstType(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key], key, known);
      return out;
    }
    case 'array': {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, (_, i) => {
        const v = sampleOf(schema.items, name, known);
        return typeof v === 'number' && schema.uniqueItems ? v + i : v;
      });
    }
    case 'integer':
    case 'number': {
      if (isId(schema)) return name === 'projectId' ? known.projectId : 1;
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(min, 1), schema.maximum ?? 1);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleText(schema);
  }
}

function sampleText(schema: Schema): string {
  if (schema.format === 'date') return DATE;
  if (schema.format === 'date-time') return `${DATE}T08:00:00.000Z`;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1000;
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  return TEXT_CANDIDATES.find(fits) ?? 'a'.repeat(Math.max(min, 1));
}

const LONG = 'x'.repeat(10_000);
const ODD_TEXT = [
  '',
  ' ',
  LONG,
  '😀'.repeat(50),
  '\u202Eevil\u202C', // right-to-left override
  'אבג عربى',
  'a\u0000b',
  'a\ud800b', // lone high surrogate
  '\udfff',
  'e\u0301\u0301\u0301',
  '\u200B',
  "' OR 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
];

/** Values of every wrong kind, whatever the field's type. */
const BAD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  0.1 + 0.2,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e20, // 99999999999999999999 as JSON
  1e308,
  -1e308,
  5e-324,
  '1e3',
  '0x10',
  'Infinity',
  'NaN',
  '12',
  [],
  [1],
  [null],
  ['a', 'a'],
  {},
  { a: 1 },
  ...ODD_TEXT,
];

/** Text forms of numbers and values a query string or a path may carry. */
const BAD_TEXT = [
  'Infinity',
  '-Infinity',
  'NaN',
  '1e3',
  '1e308',
  '0x10',
  '0b11',
  ' 12',
  '12 ',
  '12.0',
  '1.5',
  '+1',
  '-1',
  '0',
  '2147483648',
  '99999999999999999999',
  '-99999999999999999999',
  'null',
  'true',
  'undefined',
  '[]',
  '{}',
  ...ODD_TEXT.filter((s) => s !== LONG),
];

/** Wrong values that this field's own schema calls for: past its bounds, outside its enum. */
function badForSchema(schema: Schema): unknown[] {
  const out: unknown[] = [];
  for (const b of branches(schema)) {
    if (Array.isArray(b?.enum)) out.push('NOT_A_VALUE', String(b.enum[0]).toUpperCase(), ` ${b.enum[0]}`);
    if (b?.const !== undefined) out.push(`${b.const}x`);
    if (typeof b?.maximum === 'number') out.push(b.maximum + 1, b.maximum + 0.5);
    if (typeof b?.minimum === 'number') out.push(b.minimum - 1, b.minimum - 0.001);
    if (typeof b?.maxLength === 'number') out.push('a'.repeat(b.maxLength + 1));
    if (typeof b?.maxItems === 'number') out.push(Array.from({ length: b.maxItems + 1 }, (_, i) => i + 1));
    if (b?.multipleOf) out.push(0.001, 1.005);
  }
  return out;
}

/** Text as a URL carries it: percent-encoded, a lone surrogate as the bytes of one (not UTF-8). */
export function encodeText(text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      out += '%ED%A0%80';
    }
  }
  return out;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The body fields to make wrong: top-level ones, and those of the first element of an array of objects. */
function bodyFields(schema: Schema, base: unknown): { path: string[]; schema: Schema }[] {
  const out: { path: string[]; schema: Schema }[] = [];
  for (const [key, property] of Object.entries<Schema>(schema?.properties ?? {})) {
    out.push({ path: [key], schema: property });
    const value = (base as Record<string, unknown> | undefined)?.[key];
    if (
      firstType(property) === 'array' &&
      firstType(property.items) === 'object' &&
      Array.isArray(value) &&
      value.length
    ) {
      for (const [inner, innerSchema] of Object.entries<Schema>(property.items.properties ?? {})) {
        out.push({ path: [key, '0', inner], schema: innerSchema });
      }
    }
  }
  return out;
}

function withValue(base: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

export interface BaseRequest {
  path: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export function urlOf(op: Operation, path: Record<string, string>, query: [string, string][]): string {
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeText(path[name] ?? ''));
  const qs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeText(v)}`).join('&');
  return qs ? `${url}?${qs}` : url;
}

export function baseRequest(op: Operation, known: Known, record: Record<string, unknown> | undefined) {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.params) {
    if (p.in === 'path') path[p.name] = String(sampleOf(p.schema, p.name, known));
    else if (p.required) query[p.name] = String(sampleOf(p.schema, p.name, known));
  }
  const idParam = op.params.find((p) => p.in === 'path' && isId(p.schema));
  if (idParam) {
    const prefix = op.path.slice(0, op.path.indexOf(`/{${idParam.name}}`));
    const ids = known.idsByPrefix.get(prefix);
    if (ids?.length) path[idParam.name] = String(ids[ids.length - 1]);
  }
  let body: unknown;
  if (op.body) {
    body = sampleOf(op.body, 'body', known);
    // an edit: the record as it is (its version included), in the fields the body takes
    if (record && body && typeof body === 'object') {
      for (const [key, property] of Object.entries<Schema>(op.body.properties ?? {})) {
        const value = record[key];
        const takesNull = branches(property).some((b) => b?.type === 'null');
        if (value !== undefined && (value !== null || takesNull))
          (body as Record<string, unknown>)[key] = value;
      }
    }
  }
  return { path, query, body } satisfies BaseRequest;
}

/** `count` bad requests for the operation, the same ones for the same seed. */
export function badRequests(op: Operation, base: BaseRequest, count: number, seed: number): FuzzRequest[] {
  const queryBase = Object.entries(base.query);
  const make = (label: string, path = base.path, query = queryBase, payload = base.body, raw?: string) => ({
    method: op.method,
    url: urlOf(op, path, query),
    payload: op.body ? payload : undefined,
    raw,
    label,
  });
  const params = op.params;
  const fields = op.body ? bodyFields(op.body, base.body) : [];
  const random = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    fc.double(),
    fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
    fc.object({ maxDepth: 1, maxKeys: 3 }),
  );
  const kinds: fc.Arbitrary<FuzzRequest>[] = [];
  if (params.length) {
    const param = fc.constantFrom(...params);
    const text = (p: Param) =>
      fc.oneof(
        fc.constantFrom(...BAD_TEXT, ...badForSchema(p.schema).map(asText)),
        fc.string({ unit: 'binary', maxLength: 20 }),
      );
    kinds.push(
      param
        .chain((p) => text(p).map((t) => ({ p, t })))
        .map(({ p, t }) =>
          p.in === 'path'
            ? make(`path ${p.name}=${JSON.stringify(t).slice(0, 40)}`, { ...base.path, [p.name]: t })
            : make(`query ${p.name}=${JSON.stringify(t).slice(0, 40)}`, base.path, [
                ...queryBase.filter(([k]) => k !== p.name),
                [p.name, t],
              ]),
        ),
    );
    // a number given twice, an unknown parameter
    kinds.push(
      param.map((p) =>
        make(`query ${p.name} twice`, base.path, [
          ...queryBase.filter(([k]) => k !== p.name),
          [p.name, '1'],
          [p.name, '2'],
        ]),
      ),
      fc.constant(make('extra query parameter', base.path, [...queryBase, ['zzExtra', '1']])),
    );
  }
  if (op.body) {
    if (fields.length) {
      const field = fc.constantFrom(...fields);
      const value = (f: { schema: Schema }) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...BAD_VALUES, ...badForSchema(f.schema)) },
          { weight: 1, arbitrary: random },
        );
      kinds.push(
        field
          .chain((f) => value(f).map((v) => ({ f, v })))
          .map(({ f, v }) =>
            make(
              `body ${f.path.join('.')}=${JSON.stringify(v)?.slice(0, 40)}`,
              base.path,
              queryBase,
              withValue(base.body, f.path, v),
            ),
          ),
      );
    }
    const required: string[] = op.body.required ?? [];
    if (required.length)
      kinds.push(
        fc
          .constantFrom(...required)
          .map((key) =>
            make(`body without ${key}`, base.path, queryBase, withValue(base.body, [key], undefined, true)),
          ),
      );
    kinds.push(
      fc.constant(
        make('body with an extra field', base.path, queryBase, { ...(base.body as object), zzExtra: 1 }),
      ),
      fc
        .constantFrom<unknown>(null, [], 'text', 42, true, {}, [base.body])
        .map((whole) =>
          make(`whole body ${JSON.stringify(whole)?.slice(0, 40)}`, base.path, queryBase, whole),
        ),
      fc
        .constantFrom('{"a":', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '')
        .map((raw) => make(`raw body ${raw}`, base.path, queryBase, undefined, raw)),
    );
  }
  if (kinds.length === 0)
    kinds.push(fc.constant(make('extra query parameter', base.path, [['zzExtra', '1']])));
  return fc.sample(fc.oneof(...kinds), { seed, numRuns: count });
}

/**
 * The house's boundary rules, as a check that fails (run by `npm test` through
 * scripts/check-boundaries.ts; the rules themselves are tested in scripts/boundaries.test.ts).
 *
 * 1. tables:     a module's code reads and writes only the tables it owns (its `<noun>.tables.ts`, or
 *                the foundation tables FOUNDATION_OWNERS gives it). Another module's data comes through
 *                the functions that module exports, passed in as dependencies (wired in server/app.ts).
 * 2. imports:    a module imports another module's files only as types (`import type`), never its code —
 *                save its `*.schemas.ts` and `*.constants.ts`, which are shapes and value lists, not behaviour
 *                (the sign-in answer is made of the account's schemas).
 * 3. migrations: a migration imports nothing but `kysely` and `../database.ts`, so a change to a module
 *                can never change history; it carries its own data.
 * 4. web:        the web imports server files only as types, or a dependency-free `*.constants.ts`.
 * 5. lib:        server/lib is the bottom layer: it imports no module.
 * 6. audit:      audit rows are written only by server/lib/audit.ts and the audit module.
 *
 * Demo seeders (`*.demo.ts`, server/demo/) and tests build whole scenarios across modules and are exempt
 * from 1 and 2.
 */

export interface SourceFile {
  /** path from the repository root, with forward slashes */
  path: string;
  text: string;
}

export interface Violation {
  rule: 'tables' | 'imports' | 'migrations' | 'web' | 'lib' | 'audit';
  path: string;
  line: number;
  message: string;
}

/**
 * Owners of the foundation tables declared in server/db/schema.ts. The account is one noun kept in two
 * modules: `user` manages accounts, `auth` signs them in, and both use its tables.
 */
export const FOUNDATION_OWNERS: Record<string, string[]> = {
  company: ['project'],
  project: ['project'],
  app_user: ['user', 'auth'],
  user_project: ['user', 'auth'],
  user_session: ['auth', 'user'],
  login_failure: ['auth'],
  audit_log: ['audit'],
  position: ['staff'],
  employee: ['staff'],
  team: ['staff'],
};

/**
 * Tables every module may READ (join for a name), never write: the project and company every record
 * hangs on. They are the frame of the one scoping rule (`projectScope`), not another module's data.
 */
export const READ_ANYWHERE = new Set(['project', 'company']);
const READS = new Set(['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'raw']);

const MODULE_FILE = /^server\/modules\/([a-z-]+)\//;
const TABLES_FILE = /^server\/modules\/([a-z-]+)\/[\w.-]+\.tables\.ts$/;
const EXEMPT = (path: string) =>
  /\.test\.ts$/.test(path) || /\.demo\.ts$/.test(path) || path.startsWith('server/demo/');

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Tables each module declares in `interface Database { name: Table; … }` of its *.tables.ts. */
export function tableOwners(files: SourceFile[]): Map<string, string[]> {
  const owners = new Map(Object.entries(FOUNDATION_OWNERS));
  for (const file of files) {
    const m = TABLES_FILE.exec(file.path);
    if (!m) continue;
    const block = /interface Database\s*\{([^}]*)\}/.exec(file.text);
    if (!block) continue;
    for (const entry of block[1].matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)) owners.set(entry[1], [m[1]]);
  }
  return owners;
}

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  index: number;
}

/** Static imports and re-exports of a file (`import type`/`export type` marked as type-only). */
export function importsOf(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  const re =
    /^[ \t]*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^[ \t]*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    if (m[5]) {
      out.push({ specifier: m[5], typeOnly: false, index: m.index ?? 0 });
      continue;
    }
    const clause = m[3] ?? '';
    // `import { type A, type B } from` is type-only too
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    const allTypes =
      !!named &&
      named[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    out.push({ specifier: m[4], typeOnly: !!m[2] || allTypes, index: m.index ?? 0 });
  }
  return out;
}

/** Resolves a relative specifier against the importing file's folder. */
export function resolvePath(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const seg of specifier.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

const TABLE_CALL =
  /\b(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"`]([a-z_][a-z0-9_]*)/g;
const SQL_TEMPLATE = /\bsql(?:<[^>`]*>)?`([^`]*)`/g;
const SQL_TABLE = /\b(?:from|join|into|update)\s+([a-z_][a-z0-9_]*)\b/gi;
const WRITE_CALL = /\b(insertInto|updateTable|deleteFrom)\(\s*['"`]audit_log\b/g;

export function checkBoundaries(files: SourceFile[]): Violation[] {
  const owners = tableOwners(files);
  const out: Violation[] = [];
  for (const file of files) {
    const { path, text } = file;
    const mod = MODULE_FILE.exec(path)?.[1];

    if (mod && !EXEMPT(path)) {
      const seen = (index: number, table: string, how: string) => {
        const owner = owners.get(table);
        if (!owner || owner.includes(mod)) return;
        if (READ_ANYWHERE.has(table) && READS.has(how)) return;
        out.push({
          rule: 'tables',
          path,
          line: lineOf(text, index),
          message: `module "${mod}" uses (${how}) table "${table}" of module "${owner[0]}": use a function "${owner[0]}" exports, passed in as a dependency`,
        });
      };
      for (const m of text.matchAll(TABLE_CALL)) seen(m.index ?? 0, m[2], m[1]);
      for (const t of text.matchAll(SQL_TEMPLATE)) {
        for (const m of t[1].matchAll(SQL_TABLE)) seen((t.index ?? 0) + 4 + (m.index ?? 0), m[1], 'raw');
      }
      for (const imp of importsOf(text)) {
        const target = resolvePath(path, imp.specifier);
        const other = target ? MODULE_FILE.exec(`${target}/`)?.[1] : undefined;
        const shapes = /\.(schemas|constants)\.ts$/.test(target ?? '');
        if (other && other !== mod && !imp.typeOnly && !shapes)
          out.push({
            rule: 'imports',
            path,
            line: lineOf(text, imp.index),
            message: `module "${mod}" imports code of module "${other}" (${imp.specifier}): only \`import type\` across modules; pass functions in as dependencies`,
          });
      }
    }

    if (path.startsWith('server/db/migrations/')) {
      for (const imp of importsOf(text)) {
        if (imp.specifier === 'kysely' || imp.specifier === '../database.ts') continue;
        out.push({
          rule: 'migrations',
          path,
          line: lineOf(text, imp.index),
          message: `a migration imports "${imp.specifier}": migrations are frozen — copy the data into the migration or seed it in server/bootstrap.ts`,
        });
      }
    }

    if (path.startsWith('web/')) {
      for (const imp of importsOf(text)) {
        const target = resolvePath(path, imp.specifier);
        if (!target?.startsWith('server/') || imp.typeOnly) continue;
        if (/\.constants\.ts$/.test(target)) continue;
        out.push({
          rule: 'web',
          path,
          line: lineOf(text, imp.index),
          message: `the web imports server code (${imp.specifier}): only \`import type\` or a dependency-free *.constants.ts`,
        });
      }
    }
    if (/^server\/.*\.constants\.ts$/.test(path)) {
      for (const imp of importsOf(text)) {
        if (imp.typeOnly) continue;
        out.push({
          rule: 'web',
          path,
          line: lineOf(text, imp.index),
          message: `a *.constants.ts file is shared with the web and must import nothing (${imp.specifier})`,
        });
      }
    }

    if (path.startsWith('server/lib/') && !EXEMPT(path)) {
      for (const imp of importsOf(text)) {
        const target = resolvePath(path, imp.specifier);
        if (target?.startsWith('server/modules/') && !imp.typeOnly)
          out.push({
            rule: 'lib',
            path,
            line: lineOf(text, imp.index),
            message: `server/lib imports module code (${imp.specifier}): lib is the bottom layer`,
          });
      }
    }

    if (path.startsWith('server/') && !EXEMPT(path) && path !== 'server/lib/audit.ts' && mod !== 'audit') {
      for (const m of text.matchAll(WRITE_CALL))
        out.push({
          rule: 'audit',
          path,
          line: lineOf(text, m.index ?? 0),
          message: 'writes audit_log directly: audit entries go through server/lib/audit.ts',
        });
    }
  }
  return out;
}

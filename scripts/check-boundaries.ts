/**
 * `node scripts/check-boundaries.ts` (part of `npm test`): fails, listing each place, when a module
 * reaches into another module's tables or code, a migration imports module code, or the web imports
 * server internals. The rules: scripts/boundaries.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkBoundaries, type SourceFile } from './boundaries.ts';

const root = join(import.meta.dirname, '..');

function walk(dir: string, out: SourceFile[] = []): SourceFile[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name))
      out.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
  }
  return out;
}

const files = [...walk(join(root, 'server')), ...walk(join(root, 'web', 'src'))];
const violations = checkBoundaries(files);
if (violations.length) {
  console.error(`Boundary check: ${violations.length} violation(s) (rules: scripts/boundaries.ts)`);
  for (const v of violations) console.error(`  ${v.path}:${v.line}  [${v.rule}] ${v.message}`);
  process.exit(1);
}
console.log(`Boundary check: ${files.length} files, no violations`);

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { DB } from './database.ts';

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Reads every migration file of the folder. Our own import() rather than Kysely's
 * FileMigrationProvider, so the .ts files load under tsx and under Vitest alike.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    const files = readdirSync(migrationFolder).filter((f) => /^\d{10}_[\w-]+\.ts$/.test(f));
    for (const file of files.sort()) {
      migrations[file.replace(/\.ts$/, '')] = await import(
        pathToFileURL(path.join(migrationFolder, file)).href
      );
    }
    return migrations;
  },
};

/**
 * Runs every pending migration in name order. Idempotent: a migrated database is left as is.
 * Migration files live in server/db/migrations, named `YYYYMMDDNN_<module>.ts`, so each
 * module adds its own file without touching a shared index.
 */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: folderProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

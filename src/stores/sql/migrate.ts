import { readdir, readFile } from 'node:fs/promises';
import type { SqlDatabase } from './sql-database.ts';
import { int } from './rows.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDir = new URL('./migrations/', import.meta.url);

/** The numbered `.sql` files beside this module, in order: `001_name.sql`, `002_…`. */
export async function loadMigrations(dir: URL = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file ${file} is not named NNN_name.sql`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new Error(`two migrations are numbered ${version}`);
    migrations.push({ version, name: match[2] ?? file, sql: await readFile(new URL(file, dir), 'utf8') });
  }
  return migrations;
}

/**
 * Applies the migrations not yet applied, all in one transaction, and records each in
 * `tripcare_migrations`. Several processes may start at once: on PostgreSQL they queue on
 * an advisory lock (per schema), so each migration runs once; PGlite has one process.
 * Returns the versions it applied.
 */
export async function migrate(db: SqlDatabase, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.query("SELECT pg_advisory_xact_lock(hashtext('tripcare.migrate'), hashtext(current_schema()))");
    await tx.exec(`CREATE TABLE IF NOT EXISTS tripcare_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set((await tx.query('SELECT version FROM tripcare_migrations')).map((r) => int(r, 'version')));
    const pending = all.filter((m) => !applied.has(m.version));
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO tripcare_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return pending.map((m) => m.version);
  });
}

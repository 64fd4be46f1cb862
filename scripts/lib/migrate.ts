/**
 * Applies migrations/ to a D1 binding (local Miniflare, or remote through the proxy), recording them
 * in the same `d1_migrations` table `wrangler d1 migrations apply` uses, so either can take over.
 * Local databases are migrated automatically by npm start and content:push; a deployed one by the
 * documented `npx wrangler d1 migrations apply ARTICLES_DB --remote`.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unstable_splitSqlQuery as splitSqlQuery } from 'wrangler'

export interface Migration {
  name: string
  statements: string[]
}

/** The committed migrations, in order, each split into statements by wrangler's own splitter (the one `wrangler d1 migrations apply` uses). */
export async function readMigrations(dir = 'migrations'): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort()
  return Promise.all(
    names.map(async (name) => {
      const statements = splitSqlQuery(await readFile(join(dir, name), 'utf8'))
      return { name, statements }
    }),
  )
}

/** The migrations not applied yet, applied now; their names. */
export async function migrate(db: D1Database, migrations: Migration[]): Promise<string[]> {
  await db
    .prepare(
      'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    )
    .run()
  const { results } = await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()
  const applied = new Set(results.map((r) => r.name))
  const done: string[] = []
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue
    await db.batch([
      ...migration.statements.map((sql) => db.prepare(sql)),
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(migration.name),
    ])
    done.push(migration.name)
  }
  return done
}

/** The migrations a database still lacks (for a remote one, which is never migrated behind the publisher's back). */
export async function pendingMigrations(
  db: D1Database,
  migrations: Migration[],
): Promise<string[]> {
  const table = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'")
    .first()
  if (!table) return migrations.map((m) => m.name)
  const { results } = await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()
  const applied = new Set(results.map((r) => r.name))
  return migrations.map((m) => m.name).filter((name) => !applied.has(name))
}

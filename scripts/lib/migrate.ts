/**
 * Migrations are applied only by wrangler: `wrangler d1 migrations apply ARTICLES_DB --local` for
 * the local databases npm start and content:push use (run here, automatically, when one is
 * pending), `--remote` for a deployed one (run by the publisher, never behind their back). This
 * file only decides whether wrangler needs running: starting it costs seconds, reading
 * `d1_migrations` (the table wrangler records applied migrations in) a few milliseconds.
 */
import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { fileURLToPath } from 'node:url'
import { readWranglerToml } from './config'
import { LOCAL_STATE } from './write-worker'

/** The project's own wrangler, run by the Node beside it (the `node` devDependency) as npm scripts are. */
const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.bin')

/** The folder of the committed migrations (wrangler.toml's `migrations_dir`). */
export async function migrationsDir(configPath = 'wrangler.toml'): Promise<string> {
  const db = (await readWranglerToml(configPath)).d1_databases?.find(
    (d1) => d1.binding === 'ARTICLES_DB',
  )
  const dir = resolve(dirname(configPath), db?.migrations_dir ?? 'migrations')
  // Named from the project's folder when it is in it (`migrations/0042_….sql` in messages).
  const inProject = relative('.', dir)
  return inProject.startsWith('..') ? dir : inProject
}

/** The committed migrations' file names, in the order wrangler applies them. */
export async function migrationNames(configPath = 'wrangler.toml'): Promise<string[]> {
  const names = await readdir(await migrationsDir(configPath))
  return names.filter((name) => name.endsWith('.sql')).sort()
}

/** The migrations `db` has not recorded in `d1_migrations` yet. */
export async function pendingMigrations(db: D1Database, names: string[]): Promise<string[]> {
  const table = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'")
    .first()
  if (!table) return names
  const { results } = await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()
  const applied = new Set(results.map((r) => r.name))
  return names.filter((name) => !applied.has(name))
}

/**
 * Brings the local database in `persistTo` (a state folder's `v3`, where wrangler dev and the
 * platform proxy keep it) up to date with wrangler, if it lacks a migration; the ones applied.
 * A migration that fails stops everything with its name and SQLite's error; wrangler applies each
 * in one batch, so it leaves nothing half done, and the ones before it stay applied.
 */
export async function migrateLocal(options: {
  db: D1Database
  configPath?: string
  persistTo?: string
}): Promise<string[]> {
  const configPath = options.configPath ?? 'wrangler.toml'
  const names = await migrationNames(configPath)
  const pending = await pendingMigrations(options.db, names)
  if (!pending.length) return []
  const failure = await applyLocal({ configPath, persistTo: options.persistTo })
  if (failure === null) return pending
  const [failed] = await pendingMigrations(options.db, names)
  const error = failure
    .split('\n')
    .map((line) => /\[ERROR\]\s*(.*)/.exec(line)?.[1]?.trim())
    .find(Boolean)
  throw new MigrationFailed(
    `${failed ? `migration ${join(await migrationsDir(configPath), failed)}` : 'a migration'} failed on the local database: ${error ?? 'see below'}\n` +
      `\`npx ${APPLY.join(' ')}\` said:\n${failure.trim()}`,
  )
}

/** A migration wrangler could not apply: its file, SQLite's error, then wrangler's own output. */
export class MigrationFailed extends Error {
  override name = 'MigrationFailed'
}

const APPLY = ['wrangler', 'd1', 'migrations', 'apply', 'ARTICLES_DB', '--local']

/**
 * `wrangler d1 migrations apply ARTICLES_DB --local` with no terminal, so it asks nothing; null, or
 * its output (without colours) when it fails.
 */
function applyLocal(options: { configPath: string; persistTo?: string }): Promise<string | null> {
  const v3 = options.persistTo ?? LOCAL_STATE
  // wrangler's --persist-to names the folder that holds v3/.
  if (basename(v3) !== 'v3') throw new Error(`local state is kept in a v3 folder, not in ${v3}`)
  const [, ...args] = APPLY
  args.push('-c', options.configPath, '--persist-to', dirname(v3))
  return new Promise((resolve) => {
    const child = execFile(
      join(BIN, 'wrangler'),
      args,
      {
        env: {
          ...process.env,
          PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`,
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_HIDE_BANNER: 'true',
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        // Without output (wrangler missing, say), the reason it did not run.
        resolve(error ? stripVTControlCharacters(`${stdout}${stderr}`) || error.message : null),
    )
    child.stdin?.end()
  })
}

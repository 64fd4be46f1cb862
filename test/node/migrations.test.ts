/**
 * Local databases are migrated by wrangler (`wrangler d1 migrations apply --local`) when content:push
 * (and so npm start) opens them: a migration added after the first push reaches the local index on
 * the next, and one that fails stops the push with its file and SQLite's error.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { describe, expect, it } from 'vitest'
import { push } from '../../scripts/content-push'
import { quiet, useWorkspace } from './helpers/workspace'

const ws = useWorkspace('migrations-')

/** wrangler.toml with its migrations in a folder of the test's own, which the test can add to. */
async function projectWithOwnMigrations() {
  const migrations = join(ws.work, 'migrations')
  await mkdir(migrations)
  await cp('migrations', migrations, { recursive: true })
  const configPath = join(ws.work, 'wrangler.toml')
  const toml = (await readFile('wrangler.toml', 'utf8'))
    .replace(/^main = .*$/m, `main = ${JSON.stringify(resolve('src/index.ts'))}`)
    .replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(migrations)}`)
  await writeFile(configPath, toml)
  return { configPath, migrations }
}

/** What the local index holds: its tables, and the migrations recorded as applied. */
async function localIndex() {
  const proxy = await getPlatformProxy<Env>({
    configPath: 'wrangler.toml',
    persist: { path: ws.state },
    envFiles: [],
  })
  try {
    const db = proxy.env.ARTICLES_DB
    const tables = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
    const applied = await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all()
    return {
      tables: tables.results.map((row) => row.name),
      applied: applied.results.map((row) => row.name),
    }
  } finally {
    await proxy.dispose()
  }
}

describe('content:push migrates the local index with wrangler', () => {
  it('applies every committed migration to a fresh state, then one added later', async () => {
    const { configPath, migrations } = await projectWithOwnMigrations()
    await push({ dir: ws.content, remote: false, persistTo: ws.state, configPath, ...quiet })
    const first = await localIndex()
    const committed = (await readdir('migrations')).filter((name) => name.endsWith('.sql'))
    expect(first.applied).toEqual(committed.sort())
    expect(first.tables).toContain('articles')

    await writeFile(
      join(migrations, '9000_later.sql'),
      'CREATE TABLE later_feature (id INTEGER PRIMARY KEY);\nCREATE INDEX later_by_id ON later_feature (id);\n',
    )
    const again = await push({
      dir: ws.content,
      remote: false,
      persistTo: ws.state,
      configPath,
      ...quiet,
    })
    expect(again.unchanged.length).toBeGreaterThan(0)
    const later = await localIndex()
    expect(later.tables).toContain('later_feature')
    expect(later.applied.at(-1)).toBe('9000_later.sql')
  }, 120_000)

  it('stops a push at a migration that fails, naming its file and the SQL error', async () => {
    const { configPath, migrations } = await projectWithOwnMigrations()
    await push({ dir: ws.content, remote: false, persistTo: ws.state, configPath, ...quiet })
    await writeFile(
      join(migrations, '9000_broken.sql'),
      'CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n',
    )
    await expect(
      push({ dir: ws.content, remote: false, persistTo: ws.state, configPath, ...quiet }),
    ).rejects.toThrow(
      `migration ${join(migrations, '9000_broken.sql')} failed on the local database: no such table: no_such_table`,
    )
    // Nothing of the failed migration is left, and the index it was added to is still there.
    const after = await localIndex()
    expect(after.tables).not.toContain('half_done')
    expect(after.tables).toContain('articles')
    expect(after.applied).not.toContain('9000_broken.sql')
  }, 120_000)
})

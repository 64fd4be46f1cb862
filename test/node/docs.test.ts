/**
 * The documentation tells the truth about what exists: every link leads to a file, every setting in
 * docs/configuration.md is in wrangler.toml (and every one there is documented), every npm command the
 * docs name is a script in package.json. (The routes table is checked against the Worker itself in
 * test/docs/routes.test.ts.)
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'

const DOCS = [
  'README.md',
  ...(await readdir('docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
]
const text = Object.fromEntries(
  await Promise.all(DOCS.map(async (f) => [f, await readFile(f, 'utf8')] as const)),
)

/** The first column's backticked names of every table row in a Markdown file. */
function firstColumnNames(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!))
}

describe('the documentation', () => {
  it.each(DOCS)('%s: every relative link leads to a file that exists', (file) => {
    const links = [...text[file]!.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
    const local = links.filter((l) => !/^(https?:|mailto:|#)/.test(l)).map((l) => l.split('#')[0]!)
    const missing = local.filter((l) => !existsSync(join(dirname(file), decodeURI(l))))
    expect(missing).toEqual([])
  })

  it('documents every setting wrangler.toml has, and no setting it lacks', async () => {
    const toml = parse(await readFile('wrangler.toml', 'utf8')) as { vars: Record<string, string> }
    const documented = firstColumnNames(text['docs/configuration.md']!)
    const secrets = text['docs/configuration.md']!.split('\n')
      .filter((line) => /\(secret\)/.test(line.split('|')[1] ?? ''))
      .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!))
    expect(documented.length).toBeGreaterThan(10)
    expect(Object.keys(toml.vars).filter((name) => !documented.includes(name))).toEqual([])
    expect(documented.filter((name) => !(name in toml.vars) && !secrets.includes(name))).toEqual([])
  })

  it('names only npm commands that package.json has', async () => {
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as {
      scripts: Record<string, string>
    }
    const named = new Set(
      DOCS.flatMap((file) =>
        [...text[file]!.matchAll(/npm run (?:-s )?([a-z][\w:-]*[\w])/g)].map((m) => m[1]!),
      ),
    )
    expect(named.size).toBeGreaterThan(5)
    expect([...named].filter((name) => !(name in scripts))).toEqual([])
  })

  it('keeps the README short: what it is, the two commands, the loop, deploy, links', () => {
    const readme = text['README.md']!
    expect(readme.split('\n').length).toBeLessThanOrEqual(150)
    expect(readme).toContain('npm install && npm start')
    expect(readme).toContain('npm install && npm test')
  })
})

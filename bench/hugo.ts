/**
 * The bar we compare against: Hugo building a one-article site from the seed (when `hugo` is on
 * PATH; Debian's package works), with its internal opengraph, twitter and schema templates.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { withTempDir } from './temp'

export const hasHugo = () => spawnSync('hugo', ['version']).status === 0

/** A Hugo site holding the seed (`copies` times); `use` gets its folder, which is removed afterwards. */
function withHugoSite<T>(use: (site: string) => T | Promise<T>, copies = 1): Promise<T> {
  return withTempDir('hugo-seed-', async (site) => {
    await mkdir(join(site, 'content/ko'), { recursive: true })
    await mkdir(join(site, 'layouts/_default'), { recursive: true })
    // Under the seed's original, dateless name, as bench/compare.ts gives it to every generator.
    await cp(
      'content/ko/2024-06-19-putin-kim-pact.html',
      join(site, 'content/ko/putin-kim-pact.html'),
    )
    const seed = await readFile('content/ko/2024-06-19-putin-kim-pact.html')
    for (let i = 1; i < copies; i++) await writeFile(join(site, `content/ko/copy-${i}.html`), seed)
    await writeFile(
      join(site, 'hugo.toml'),
      'baseURL = "https://news.example/"\nlanguageCode = "ko-kr"\ntitle = "Edge Press"\n',
    )
    await writeFile(
      join(site, 'layouts/_default/single.html'),
      '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ template "_internal/opengraph.html" . }}{{ template "_internal/twitter_cards.html" . }}{{ template "_internal/schema.html" . }}</head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>',
    )
    await writeFile(join(site, 'layouts/_default/list.html'), '')
    return use(site)
  })
}

/** The seed's page as Hugo renders it. */
export const hugoPage = () =>
  withHugoSite(async (site) => {
    execFileSync('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')], {
      stdio: 'pipe',
    })
    return readFile(join(site, 'public/ko/putin-kim-pact/index.html'), 'utf8')
  })

/**
 * Hugo building 2,000 copies of the seed to memory, whole process: the per-article time is the build
 * divided by 2,000 (its start-up spread thin). The fastest of a few builds, as Hugo's own best.
 */
export async function benchHugo(
  copies = 2_000,
  runs = 3,
): Promise<{ version: string; copies: number; buildMs: number; perArticleUs: number } | undefined> {
  if (!hasHugo()) return undefined
  return withHugoSite((site) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      execFileSync('hugo', ['--quiet', '--renderToMemory', '--source', site], { stdio: 'pipe' })
      times.push(performance.now() - start)
    }
    const buildMs = Math.min(...times)
    const version =
      execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1] ?? 'unknown'
    return { version, copies, buildMs, perArticleUs: (buildMs * 1000) / copies }
  }, copies)
}

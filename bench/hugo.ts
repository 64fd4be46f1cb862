/**
 * The bar we compare against: Hugo building a one-article site from the seed (when `hugo` is on
 * PATH; Debian's package works), with its internal opengraph, twitter and schema templates.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { withTempDir } from './temp'

export const hasHugo = () => spawnSync('hugo', ['version']).status === 0

/** A Hugo site holding only the seed; `use` gets its folder, which is removed afterwards. */
function withHugoSite<T>(use: (site: string) => Promise<T>): Promise<T> {
  return withTempDir('hugo-seed-', async (site) => {
    await mkdir(join(site, 'content/ko'), { recursive: true })
    await mkdir(join(site, 'layouts/_default'), { recursive: true })
    await cp('content/ko/putin-kim-pact.html', join(site, 'content/ko/putin-kim-pact.html'))
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

/** Whole `hugo` builds of the one-article site, rendered to memory: Hugo's floor per article. */
export async function benchHugo(
  runs = 20,
): Promise<{ version: string; p50Ms: number; minMs: number } | undefined> {
  if (!hasHugo()) return undefined
  return withHugoSite(async (site) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      execFileSync('hugo', ['--quiet', '--renderToMemory', '--source', site], { stdio: 'pipe' })
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    const version =
      execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1] ?? 'unknown'
    return { version, p50Ms: times[Math.floor(times.length / 2)]!, minMs: times[0]! }
  })
}

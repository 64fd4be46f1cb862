/**
 * What every cached response is, in one place: its key in the in-Worker Cache API (the local and
 * fallback path), the `Cache-Tag`s that name what it shows (Workers Cache purges by them), and how
 * long it may be kept. Routes describe their response with one of these; every purge asks this module
 * which tags a change touches. So the writer and the purger cannot disagree.
 *
 * Tags are printable ASCII (Workers Cache drops anything else, and matches case-insensitively):
 * slugs and labels are percent-encoded, with the case of the percent-escapes fixed.
 */
import { RENDERER_VERSION } from '../pipeline'
import { fingerprint } from './policy'

export type Cached =
  | {
      kind: 'article'
      variant: 'html' | 'json'
      lang: string
      slug: string
      /**
       * The listings the page's related block was read from (listing/related.ts): a publish,
       * retitle or unpublish in any of them may change the block, and purges the page.
       */
      related?: Label[]
    }
  | { kind: 'oembed'; lang: string; slug: string; width: number; height: number }
  /** A share card. Its key has no version, so purging the article reaches every version's copy. */
  | { kind: 'card'; lang: string; slug: string; version: string }
  | {
      kind: 'listing'
      lang: string
      label?: Label
      page: number
      /** A section's page: the category keys its articles may carry (`news`, `뉴스`), each purging it. */
      also?: string[]
    }
  | { kind: 'feed'; lang: string; label?: Label }
  | { kind: 'sitemap'; part: 'index' | 'news' | number }
  | { kind: 'search'; lang: string; query: string; order: string; page: number; json: boolean }
  /** A hosted picture or one of its variants (`variant` is the URL segment, '' for the original). */
  | { kind: 'media'; hash: string; name: string; variant: string }

export interface Label {
  kind: 'category' | 'tag' | 'author'
  /** As listings match it (see listing/entry.ts labelKey; an author's is the profile id). */
  key: string
}

/** What a publish, an unpublish or a push changed (publish/publish.ts reports it). */
export interface Change {
  /** `<lang>/<slug>`. */
  key: string
  /** Languages whose listings, feed, sitemap and search changed. */
  indexes: string[]
  /** Every category and tag listing that showed or shows the article. */
  labels: (Label & { lang: string })[]
  /** Slugs (same language) whose pages link to it in their footer, before or after the change. */
  linked?: string[]
}

/**
 * How long a kind of response may be kept: a page (bounded by CACHE_*), a search result (a minute),
 * or something whose URL changes whenever it does (a versioned share card: a year, until purged).
 */
export type Lifetime = 'page' | 'search' | 'immutable'

const enc = (text: string) => encodeURIComponent(text)

/** A tag longer than Workers Cache keeps (a long label in a four-byte script) names its hash instead. */
const capped = (prefix: string, name: string) => {
  const value = `${prefix}${enc(name)}`
  return value.length <= 1024 ? value : `${prefix}~${fingerprint(name)}`
}

/** What a tag may be: printable ASCII without spaces or commas, at most 1024 characters. */
export const CACHE_TAG = /^[\x21-\x2b\x2d-\x7e]{1,1024}$/

const LABEL_PREFIX = { category: 'c', tag: 't', author: 'p' } as const

/** Tag builders, one per thing a response can show. */
export const tag = {
  /** One language version of an article: its page, its JSON, its oEmbed cards, its share card. */
  article: (lang: string, slug: string) => capped(`a:${lang}/`, slug),
  /** Every language version of a slug: each one's switcher and hreflang list the others. */
  slug: (slug: string) => capped('s:', slug),
  /** Every page of a language's home listing. */
  home: (lang: string) => `l:${lang}`,
  /** Every page of a category's, tag's or author's listing, and its feed. */
  label: (lang: string, label: Label) => capped(`${LABEL_PREFIX[label.kind]}:${lang}/`, label.key),
  feed: (lang: string) => `f:${lang}`,
  sitemap: () => 'sitemap',
  search: (lang: string) => `q:${lang}`,
  /** A hosted picture and all its variants (its hash is in every address). */
  media: (hash: string) => `m:${hash}`,
} as const

/** The tags a response carries: everything whose change would change it. */
export function tagsOf(cached: Cached): string[] {
  switch (cached.kind) {
    case 'article':
      return [
        ...new Set([
          tag.article(cached.lang, cached.slug),
          tag.slug(cached.slug),
          ...(cached.related ?? []).map((label) => tag.label(cached.lang, label)),
        ]),
      ]
    case 'oembed':
    case 'card':
      return [tag.article(cached.lang, cached.slug)]
    case 'listing':
      return cached.label
        ? [
            ...new Set([
              tag.label(cached.lang, cached.label),
              ...(cached.also ?? []).map((key) =>
                tag.label(cached.lang, { kind: 'category', key }),
              ),
            ]),
          ]
        : [tag.home(cached.lang)]
    case 'feed':
      return [cached.label ? tag.label(cached.lang, cached.label) : tag.feed(cached.lang)]
    case 'sitemap':
      return [tag.sitemap()]
    case 'search':
      return [tag.search(cached.lang)]
    case 'media':
      return [tag.media(cached.hash)]
  }
}

/** The tags a change touches: the article in every language, and each listing it was or is in. */
export function changeTags(change: Change): string[] {
  const split = change.key.indexOf('/')
  const [lang, slug] = [change.key.slice(0, split), change.key.slice(split + 1)]
  const tags = [
    tag.article(lang, slug),
    tag.slug(slug),
    ...change.indexes.flatMap((l) => [tag.home(l), tag.feed(l), tag.search(l), tag.sitemap()]),
    ...change.labels.map((label) => tag.label(label.lang, label)),
    ...(change.linked ?? []).map((other) => tag.article(lang, other)),
  ]
  return [...new Set(tags)]
}

/** oEmbed cards come in these widths and heights; a consumer's maxwidth/maxheight picks the largest that fits. */
export const OEMBED_WIDTHS = [240, 320, 400, 480, 560] as const
export const OEMBED_HEIGHTS = [120, 160, 200] as const

/**
 * The Cache API key of a response (the fallback path). Built from the parsed address, not the raw
 * URL: query strings, `%ea` vs `%EA` and other spellings of the same page share one entry and cannot
 * plant a different one. The origin is part of it because pages carry absolute URLs.
 */
export function cacheKey(origin: string, cached: Cached): string {
  const segments: (string | number)[] = (() => {
    switch (cached.kind) {
      case 'article':
        return [cached.variant, cached.lang, cached.slug]
      case 'oembed':
        return ['oembed', cached.lang, cached.slug, `${cached.width}x${cached.height}`]
      case 'card':
        return ['card', cached.lang, cached.slug]
      case 'listing':
        return cached.label
          ? ['list', cached.lang, cached.label.kind, cached.label.key, cached.page]
          : ['list', cached.lang, 'home', '', cached.page]
      case 'feed':
        return cached.label
          ? ['feed', cached.lang, cached.label.kind, cached.label.key]
          : ['feed', cached.lang]
      case 'sitemap':
        return ['sitemap', cached.part]
      case 'search':
        return [
          cached.json ? 'search-json' : 'search',
          cached.lang,
          cached.query,
          cached.order,
          cached.page,
        ]
      case 'media':
        return ['media', cached.hash, cached.variant, cached.name]
    }
  })()
  return `${origin}/__cache/${segments.map((s) => encodeURIComponent(String(s))).join('/')}?r=${RENDERER_VERSION}`
}

/**
 * The Cache API keys a tag stands for, on the fallback path, which cannot purge by tag: an article's
 * variants, oEmbed sizes and share card in full; listings' first pages (deeper pages, and search results, follow
 * within the freshness bound).
 */
export function keysOfTag(
  origin: string,
  value: string,
  {
    languages,
    sectionOf = () => undefined,
  }: {
    languages: readonly string[]
    /** The key of the section a category belongs to, whose page is cached under it. */
    sectionOf?: (category: string) => string | undefined
  },
): string[] {
  const [kind, rest = ''] = [
    value.slice(0, value.indexOf(':') < 0 ? value.length : value.indexOf(':')),
    value.slice(value.indexOf(':') + 1),
  ]
  const slash = rest.indexOf('/')
  const lang = slash < 0 ? rest : rest.slice(0, slash)
  const name = slash < 0 ? '' : decodeURIComponent(rest.slice(slash + 1))
  const firstPages = [1, 2, 3]
  const articleKeys = (l: string, slug: string) => [
    cacheKey(origin, { kind: 'article', variant: 'html', lang: l, slug }),
    cacheKey(origin, { kind: 'article', variant: 'json', lang: l, slug }),
    ...OEMBED_WIDTHS.flatMap((width) =>
      OEMBED_HEIGHTS.map((height) =>
        cacheKey(origin, { kind: 'oembed', lang: l, slug, width, height }),
      ),
    ),
    cacheKey(origin, { kind: 'card', lang: l, slug, version: '' }),
  ]
  switch (kind) {
    case 'a':
      return articleKeys(lang, name)
    case 's':
      return languages.flatMap((l) => articleKeys(l, decodeURIComponent(rest)))
    case 'l':
      return firstPages.map((page) => cacheKey(origin, { kind: 'listing', lang, page }))
    case 'c':
    case 't':
    case 'p': {
      const labelKind = kind === 'c' ? 'category' : kind === 't' ? 'tag' : 'author'
      // A category's section page is cached under the section's key (`news` for `뉴스`).
      const section = kind === 'c' ? sectionOf(name) : undefined
      return [
        ...[...new Set([name, ...(section ? [section] : [])])].flatMap((key) =>
          firstPages.map((page) =>
            cacheKey(origin, { kind: 'listing', lang, page, label: { kind: labelKind, key } }),
          ),
        ),
        // The category's, tag's or author's own feed.
        cacheKey(origin, { kind: 'feed', lang, label: { kind: labelKind, key: name } }),
      ]
    }
    case 'f':
      return [cacheKey(origin, { kind: 'feed', lang })]
    case 'sitemap':
      return [
        cacheKey(origin, { kind: 'sitemap', part: 'index' }),
        cacheKey(origin, { kind: 'sitemap', part: 'news' }),
        ...firstPages.map((part) => cacheKey(origin, { kind: 'sitemap', part })),
      ]
    default:
      return []
  }
}

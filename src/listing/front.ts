/**
 * Reads for the front page and section pages. The front page is one batch (one round trip): the
 * newest articles of the language, and for each section its newest few, each section read as the
 * newest few rows of each spelling its articles use (`News`, `뉴스`), so no query reads more than a
 * few rows per spelling whatever the archive's size.
 */
import type { SiteConfig } from '../config'
import type { IndexEntry } from '../schema/listing'
import { query, type Db } from './db'
import { listingPage, PAGE_SIZE, toEntry, type ArticleRecord, type Page } from './read'

type Config = Pick<SiteConfig, 'storageTimeoutMs'>

/** A section as the index knows it: its key and every listing key its articles may carry. */
export interface SectionKeys {
  key: string
  labelKeys: string[]
}

export interface Front {
  /** Newest first: the lead story, then the latest. */
  latest: IndexEntry[]
  /** Each section with articles, in navigation order, newest first. */
  sections: { key: string; entries: IndexEntry[] }[]
  /** How many articles the language has (the plain list's pages). */
  total: number
}

/** The newest `count` of a section's articles: the newest `count` of each spelling, merged. */
function newestOfSection(
  db: Db,
  {
    lang,
    keys,
    count,
  }: {
    lang: string
    /** The section's label keys (its spellings). */ keys: string[]
    count: number
  },
) {
  const perKey = keys
    .map(
      () =>
        `SELECT article_id FROM (SELECT article_id FROM labels WHERE lang = ? AND kind = 'category' AND key = ? ORDER BY sort_ms DESC, slug ASC LIMIT ?)`,
    )
    .join(' UNION ')
  return db
    .prepare(
      `SELECT * FROM articles WHERE id IN (${perKey}) ORDER BY sort_ms DESC, slug ASC LIMIT ?`,
    )
    .bind(...keys.flatMap((key) => [lang, key, count]), count)
}

export async function frontPage(
  db: Db,
  config: Config,
  options: { lang: string; latest: number; perSection: number; sections: SectionKeys[] },
): Promise<Front> {
  const { lang } = options
  const sections = options.sections.filter((s) => s.labelKeys.length > 0)
  const results = await query(
    db.batch<ArticleRecord & { n?: number }>([
      db
        .prepare(
          "SELECT COALESCE(MAX(n), 0) AS n FROM listing_totals WHERE lang = ? AND kind = '' AND key = ''",
        )
        .bind(lang),
      db
        .prepare('SELECT * FROM articles WHERE lang = ? ORDER BY sort_ms DESC, slug ASC LIMIT ?')
        .bind(lang, options.latest),
      ...sections.map((s) =>
        newestOfSection(db, { lang, keys: s.labelKeys, count: options.perSection }),
      ),
    ]),
    config,
    'the front page',
  )
  const [count, latest, ...perSection] = results
  return {
    total: count!.results[0]?.n ?? 0,
    latest: latest!.results.map(toEntry),
    sections: sections
      .map((s, i) => ({ key: s.key, entries: perSection[i]!.results.map(toEntry) }))
      .filter((s) => s.entries.length > 0),
  }
}

/**
 * Page `page` of a section, newest first; `undefined` past the last page (page 1 always exists,
 * empty when no article is in the section yet). When its articles all use one spelling (the usual
 * case) a page is read like any listing (day counts, one range); with several spellings the rows are
 * merged, which reads the rows before the page too (an OFFSET), bounded by the section's size.
 */
export async function sectionPage(
  db: Db,
  config: Config,
  asked: {
    lang: string
    /** Every listing key of the section (its spellings). */
    keys: string[]
    page: number
  },
): Promise<Page<IndexEntry> | undefined> {
  const { lang, keys: labelKeys, page } = asked
  if (!Number.isInteger(page) || page < 1) return undefined
  const marks = labelKeys.map(() => '?').join(', ')
  const { results: present } = await query(
    db
      .prepare(
        `SELECT key, n FROM listing_totals WHERE lang = ? AND kind = 'category' AND key IN (${marks}) AND n > 0`,
      )
      .bind(lang, ...labelKeys)
      .all<{ key: string; n: number }>(),
    config,
    'a section',
  )
  if (present.length === 0) return page === 1 ? { items: [], page, pages: 1, total: 0 } : undefined
  if (present.length === 1) {
    const found = await listingPage(db, config, {
      lang,
      filter: { kind: 'category', name: present[0]!.key },
      page,
    })
    return found?.page
  }
  const keys = present.map((p) => p.key)
  const inKeys = keys.map(() => '?').join(', ')
  const ids = `SELECT article_id FROM labels WHERE lang = ? AND kind = 'category' AND key IN (${inKeys})`
  const [counted, rows] = await query(
    db.batch<ArticleRecord & { n?: number }>([
      db.prepare(`SELECT COUNT(DISTINCT article_id) AS n FROM (${ids})`).bind(lang, ...keys),
      db
        .prepare(
          `SELECT * FROM articles WHERE id IN (${ids}) ORDER BY sort_ms DESC, slug ASC LIMIT ? OFFSET ?`,
        )
        .bind(lang, ...keys, PAGE_SIZE, PAGE_SIZE * (page - 1)),
    ]),
    config,
    'a section page',
  )
  const total = counted!.results[0]?.n ?? 0
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  if (page > pages) return undefined
  return { items: rows!.results.map(toEntry), page, pages, total }
}

/**
 * The site's sections (content/sections.yml): a key, a name per language, the category spellings
 * articles use for it, and its place in the navigation. Categories map to sections through their
 * aliases; a category in no section stays a plain label, shown and listed as written. Pure: the
 * bundled file is read in ./site.ts, content:check reads the folder's own copy.
 */
import * as z from 'zod'
import { parseDocument } from 'yaml'
import { labelKey } from '../listing/entry'

const PerLanguage = z.record(
  z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  z.string().min(1),
)

export const SectionSchema = z.strictObject({
  key: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,40}$/,
      'expected lower-case letters, digits and dashes, like world-news',
    ),
  name: PerLanguage,
  aliases: z.array(z.string().min(1)).default([]),
  description: PerLanguage.optional(),
})
export type Section = z.output<typeof SectionSchema>

export const SectionsSchema = z.array(SectionSchema)

export class SectionsError extends Error {
  override name = 'SectionsError'
}

/** The sections of a sections.yml text, in navigation order; a mistake names the line and key. */
export function parseSections(text: string, file = 'content/sections.yml'): Section[] {
  const doc = parseDocument(text, { prettyErrors: false })
  if (doc.errors.length) {
    const e = doc.errors[0]!
    const line = text.slice(0, e.pos[0]).split('\n').length
    throw new SectionsError(`${file}:${line}: invalid YAML: ${e.message.split('\n')[0]}`)
  }
  const result = SectionsSchema.safeParse(doc.toJS() ?? [])
  if (!result.success) {
    const issue = result.error.issues[0]!
    const line = lineOf(doc, issue.path)
    throw new SectionsError(
      `${file}${line ? `:${line}` : ''}: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    )
  }
  const sections = result.data
  const seen = new Map<string, string>()
  for (const section of sections) {
    if (seen.has(`key:${section.key}`))
      throw new SectionsError(`${file}: section key "${section.key}" appears twice`)
    seen.set(`key:${section.key}`, section.key)
    for (const alias of [section.key, ...section.aliases, ...Object.values(section.name)]) {
      const other = seen.get(aliasKey(alias))
      if (other && other !== section.key)
        throw new SectionsError(
          `${file}: "${alias}" names both section "${other}" and section "${section.key}"`,
        )
      seen.set(aliasKey(alias), section.key)
    }
  }
  return sections
}

function lineOf(doc: ReturnType<typeof parseDocument>, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number] } | undefined
    if (node?.range) return doc.toString().slice(0, node.range[0]).split('\n').length
  }
  return undefined
}

/** How a spelling is compared: Unicode form and case do not matter (language-neutral lower case). */
const aliasKey = (name: string) => name.normalize('NFC').toLowerCase().trim()

/** A category or section as pages show it. */
export interface SectionLabel {
  /** The section's key; absent for a category in no section. */
  key?: string
  /** In the page's language, or the category as written. */
  name: string
  /** Its listing, `/ko/category/news`. */
  href: string
}

/** Finding sections by any of their spellings. */
export interface SectionIndex {
  /** In navigation order. */
  all: Section[]
  find(name: string): Section | undefined
  /** The section a category belongs to (`News`, `뉴스` → news), as the page's language names it. */
  label(category: string, lang: string): SectionLabel
  /** Every spelling the index may hold for a section's articles, as listing keys. */
  labelKeys(section: Section, lang: string): string[]
  name(section: Section, lang: string): string
}

export function sectionIndex(sections: Section[]): SectionIndex {
  const byAlias = new Map<string, Section>()
  for (const s of sections)
    for (const alias of [s.key, ...s.aliases, ...Object.values(s.name)])
      byAlias.set(aliasKey(alias), s)
  const find = (name: string) => byAlias.get(aliasKey(name))
  const name = (s: Section, lang: string) => s.name[lang] ?? s.name[lang.split('-')[0]!] ?? s.key
  return {
    all: sections,
    find,
    name,
    label(category, lang) {
      const section = find(category)
      return section
        ? { key: section.key, name: name(section, lang), href: `/${lang}/category/${section.key}` }
        : { name: category, href: `/${lang}/category/${encodeURIComponent(category)}` }
    },
    labelKeys: (s, lang) => [
      ...new Set([s.key, ...s.aliases, ...Object.values(s.name)].map((a) => labelKey(a, lang))),
    ],
  }
}

/**
 * content:check's look at the sections: the folder's sections.yml must parse (the Worker bundles it),
 * and categories that differ only in case, spacing, width or punctuation, or that look like a
 * section's name without being one of its aliases, are flagged: each spelling would be a listing of
 * its own.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseSections, sectionIndex } from '../../src/sections/sections'

/** What two spellings a reader would take for one label have in common. */
const fold = (label: string) =>
  label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')

export interface SectionReport {
  errors: string[]
  warnings: string[]
}

/** `categories`: each article's key and categories, as the files write them. */
export async function checkSections(
  dir: string,
  categories: { key: string; categories: string[] }[],
): Promise<SectionReport> {
  const file = join(dir, 'sections.yml')
  const report: SectionReport = { errors: [], warnings: [] }
  let sections = sectionIndex([])
  if (existsSync(file)) {
    try {
      sections = sectionIndex(parseSections(await readFile(file, 'utf8'), file))
    } catch (error) {
      report.errors.push((error as Error).message)
    }
  }
  const sectionByFold = new Map<string, string>()
  for (const s of sections.all)
    for (const name of [s.key, ...s.aliases, ...Object.values(s.name)])
      sectionByFold.set(fold(name), s.key)
  // Spellings in no section, by what they fold to, with the articles that use each.
  const loose = new Map<string, Map<string, string[]>>()
  for (const { key, categories: names } of categories)
    for (const name of names) {
      if (sections.find(name)) continue
      const near = sectionByFold.get(fold(name))
      if (near) {
        report.warnings.push(
          `${key}: category "${name}" looks like section "${near}" but is not one of its aliases; add it to aliases in sections.yml or spell it as the section does`,
        )
        continue
      }
      const spellings = loose.get(fold(name)) ?? new Map<string, string[]>()
      spellings.set(name, [...(spellings.get(name) ?? []), key])
      loose.set(fold(name), spellings)
    }
  for (const spellings of loose.values())
    if (spellings.size > 1)
      report.warnings.push(
        `categories ${[...spellings].map(([name, keys]) => `"${name}" (${keys.join(', ')})`).join(' and ')} differ only in case or punctuation: they are listed apart; use one spelling, or make them a section in sections.yml`,
      )
  return report
}

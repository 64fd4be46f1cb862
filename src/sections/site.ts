/**
 * The sections this Worker was built with. content/sections.yml is bundled (wrangler.toml `rules`
 * load it as text): every page shows the navigation, so a sections file read from KV would need
 * every cached page purged on each change and a read on every render, for a file that changes about
 * as often as SITE_NAME, which also takes a deploy. A bad file fails the build's tests and
 * content:check, never a reader's request.
 */
import text from '../../content/sections.yml'
import { parseSections, sectionIndex, type SectionIndex } from './sections'

let index: SectionIndex | undefined

export function siteSections(): SectionIndex {
  index ??= sectionIndex(parseSections(text))
  return index
}

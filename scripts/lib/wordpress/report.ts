/**
 * The import's account of every item in the export: what was written, what was counted and not
 * imported (and why), and what a person must look at. `balanced` is false when the numbers do not
 * add up to the items the reader saw, that is when something was dropped without being listed.
 */
export class ImportReport {
  /** `<item>` elements the reader saw. */
  items = 0
  /** Posts and pages written, by status (`publish`, `draft`, `pending`, `private`, `password`, `future`). */
  posts = new Map<string, number>()
  pages = new Map<string, number>()
  attachments = new Set<string>()
  usedAttachments = new Set<string>()
  menuItems: string[] = []
  reusableBlocks = 0
  comments = 0
  authors = 0
  /** Channel-level terms by taxonomy. */
  terms = new Map<string, number>()
  /** Terms on imported posts of taxonomies an article has no field for, by taxonomy: post count. */
  otherTaxonomies = new Map<string, number>()
  unknownShortcodes = new Map<string, Set<string>>()
  dynamicBlocks = new Map<string, Set<string>>()
  missingAttachments = new Map<string, Set<string>>()
  /** Image origins the page's Content-Security-Policy would block, with how many images each. */
  foreignHosts = new Map<string, number>()
  skipped: { item: string; reason: string }[] = []
  scheduled: { item: string; date: string }[] = []
  notes: string[] = []
  failures: string[] = []
  files = 0

  add<K>(map: Map<K, number>, key: K, n = 1) {
    map.set(key, (map.get(key) ?? 0) + n)
  }

  list(map: Map<string, Set<string>>, key: string, where: string) {
    const set = map.get(key) ?? new Set()
    set.add(where)
    map.set(key, set)
  }

  accounted(): number {
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
    return (
      sum(this.posts) +
      sum(this.pages) +
      this.attachments.size +
      this.menuItems.length +
      this.reusableBlocks +
      this.skipped.length
    )
  }

  get balanced(): boolean {
    return this.accounted() === this.items && this.failures.length === 0
  }

  format(options: { imageHosts: string[]; out: string; media?: string }): string {
    const lines: string[] = []
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
    const byStatus = (m: Map<string, number>) =>
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `${status} ${n}`)
        .join(', ') || 'none'
    lines.push(
      `WordPress import: ${this.items} item(s) in the export, ${this.files} file(s) written to ${options.out}`,
    )
    lines.push(`  posts: ${sum(this.posts)} (${byStatus(this.posts)})`)
    lines.push(`  pages: ${sum(this.pages)} (${byStatus(this.pages)}), written with type: page`)
    const unpublished =
      sum(this.posts) +
      sum(this.pages) -
      (this.posts.get('publish') ?? 0) -
      (this.pages.get('publish') ?? 0)
    if (unpublished)
      lines.push(
        `  not public: ${unpublished} written with published: false (stored, never served, listed or searched)`,
      )
    const unused =
      this.attachments.size -
      [...this.usedAttachments].filter((id) => this.attachments.has(id)).length
    lines.push(
      `  attachments: ${this.attachments.size} (${this.attachments.size - unused} used by imported posts, ${unused} unused); ${options.media ? `the images the posts show brought into ${options.media} (media, below)` : 'files stay where they are, linked by URL'}`,
    )
    lines.push(
      `  menu items: ${this.menuItems.length} (not imported: the site's navigation is its own)`,
    )
    if (this.reusableBlocks)
      lines.push(`  reusable blocks: ${this.reusableBlocks} (inlined into the posts that use them)`)
    lines.push(`  comments: ${this.comments} (not imported: the site has no comments)`)
    lines.push(`  authors: ${this.authors} (each post names its author's display name)`)
    const terms = [...this.terms].map(([taxonomy, n]) => `${taxonomy} ${n}`).join(', ') || 'none'
    lines.push(`  terms: ${terms} (categories and tags become the posts' categories and tags)`)
    for (const [taxonomy, n] of this.otherTaxonomies)
      lines.push(`  not imported: ${taxonomy} terms on ${n} post(s) (no article field for them)`)
    if (this.scheduled.length) {
      lines.push(
        `  scheduled (future): ${this.scheduled.length}, written with published: false and their date; publish them by removing that line once scheduled publishing exists or the date has come:`,
      )
      for (const s of this.scheduled) lines.push(`    ${s.item} (${s.date})`)
    }
    const section = (title: string, map: Map<string, Set<string>>, after = '') => {
      if (!map.size) return
      lines.push(`  ${title}:${after}`)
      for (const [name, where] of [...map].sort(([a], [b]) => a.localeCompare(b)))
        lines.push(`    ${name}: ${[...where].join(', ')}`)
    }
    section('unknown shortcodes (left in the text as written)', this.unknownShortcodes)
    section('dynamic blocks (no stored HTML; nothing of them imported)', this.dynamicBlocks)
    section('attachments referenced but not in the export', this.missingAttachments)
    if (this.foreignHosts.size) {
      lines.push(
        `  images from hosts not in IMAGE_HOSTS (the page's Content-Security-Policy would block them): ${[...this.foreignHosts].map(([host, n]) => `${host} (${n})`).join(', ')}`,
      )
      lines.push(
        `    add to wrangler.toml [vars]: IMAGE_HOSTS = "${[...new Set([...options.imageHosts, ...[...this.foreignHosts.keys()].map((o) => o.replace(/^http:/, 'https:'))])].join(' ')}"`,
      )
    }
    if (this.skipped.length) {
      lines.push(`  skipped: ${this.skipped.length}`)
      for (const s of this.skipped) lines.push(`    ${s.item}: ${s.reason}`)
    }
    for (const note of this.notes) lines.push(`  note: ${note}`)
    for (const failure of this.failures) lines.push(`  ✗ ${failure}`)
    lines.push(
      this.balanced
        ? `✓ every item accounted for (${this.accounted()} of ${this.items})`
        : `✗ ${this.items - this.accounted()} item(s) not accounted for (${this.accounted()} of ${this.items})${this.failures.length ? `, ${this.failures.length} failure(s)` : ''}`,
    )
    return lines.join('\n')
  }
}

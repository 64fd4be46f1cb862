/**
 * Pathological article sources, by class and size.
 *
 *   generate(kind, bytes) → a full source: `---\ntitle: x\n---\n` + body (or a hostile front matter
 *   + a one-line body for the yaml-* kinds), about `bytes` bytes of UTF-8 (never more).
 *
 * Every kind is listed in KINDS with its format ('md' | 'html'), group and a one-line description.
 * Most sources are ASCII, so bytes === characters. Sizes are approximate (±1 unit).
 */
import { readFileSync } from 'node:fs'

export type Format = 'md' | 'html'
export type Group = 'seed' | 'md' | 'html' | 'yaml'

export interface Kind {
  name: string
  group: Group
  format: Format
  description: string
  /** Builds the *body* (or, for yaml kinds, the whole source) of about `bytes` bytes. */
  build(bytes: number): string
}

export const FRONT = '---\ntitle: x\n---\n'

/** `prefix + unit×n + suffix` with n as large as fits `bytes`. */
/** What goes around the repeated part. */
interface Ends {
  prefix?: string
  suffix?: string
}

function fill(bytes: number, unit: string, { prefix = '', suffix = '' }: Ends = {}): string {
  const n = Math.max(1, Math.floor((bytes - prefix.length - suffix.length) / unit.length))
  return prefix + unit.repeat(n) + suffix
}

/** `open×n + middle + close×n`: a balanced nest as deep as fits `bytes`. */
function nest(
  bytes: number,
  { open, close, middle = 'x' }: { open: string; close: string; middle?: string },
): string {
  const n = Math.max(1, Math.floor((bytes - middle.length) / (open.length + close.length)))
  return open.repeat(n) + middle + close.repeat(n)
}

/** Units produced by `unit(i)` (which may vary with i) until `bytes` is reached. */
function seq(
  bytes: number,
  unit: (i: number) => string,
  { prefix = '', suffix = '' }: Ends = {},
): string {
  const parts = [prefix]
  let size = prefix.length + suffix.length
  for (let i = 0; ; i++) {
    const u = unit(i)
    if (size + u.length > bytes && i > 0) break
    parts.push(u)
    size += u.length
  }
  parts.push(suffix)
  return parts.join('')
}

// ---------------------------------------------------------------- seeds (normal content)

const SEED_DIR = process.env.SEED_DIR ?? 'content'
const bodyOf = (text: string) => /^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(text)![1]!
let seedCache: { md: string; html: string; htmlFront: string } | undefined
function seeds() {
  if (!seedCache) {
    const read = (p: string) => readFileSync(`${SEED_DIR}/${p}`, 'utf8')
    const html = read('ko/2024-06-19-putin-kim-pact.html')
    seedCache = {
      // Normal Markdown: the showcase (every feature) + an English and a Korean news article.
      md: [
        read('en/markdown-showcase.md'),
        read('en/putin-kim-pact.md'),
        read('ko/2024-06-20-seoul-heatwave.md'),
      ]
        .map(bodyOf)
        .join('\n\n'),
      html: bodyOf(html),
      htmlFront: /^(---\n[\s\S]*?\n---\n)/.exec(html)![1]!,
    }
  }
  return seedCache
}
const utf8Length = (s: string) => Buffer.byteLength(s)

/** Like bench/pipeline.ts's grown(): the body repeated under numbered section headings. */
function grow(bytes: number, body: string, heading: (i: number) => string): string {
  const parts: string[] = []
  let size = FRONT.length
  for (let i = 0; size < bytes; i++) {
    const section = `${heading(i)}\n${body}`
    if (i > 0 && size + utf8Length(section) > bytes) break
    parts.push(section)
    size += utf8Length(section)
  }
  return parts.join('')
}

// ---------------------------------------------------------------- the catalogue

const md = (name: string, description: string, build: (b: number) => string): Kind => ({
  name,
  group: 'md',
  format: 'md',
  description,
  build,
})
const html = (name: string, description: string, build: (b: number) => string): Kind => ({
  name,
  group: 'html',
  format: 'html',
  description,
  build,
})
/** YAML kinds build the whole front matter; `yaml(bytes)` returns the YAML between the `---` lines. */
const yaml = (name: string, description: string, build: (b: number) => string): Kind => ({
  name,
  group: 'yaml',
  format: 'md',
  description,
  build: (b) => `---\n${build(b - 14)}\n---\nbody\n`,
})

export const KINDS: Kind[] = [
  // seeds
  {
    name: 'seed-md',
    group: 'seed',
    format: 'md',
    description: 'normal Markdown (showcase + 2 articles) repeated under `## Section i`',
    build: (b) => grow(b, seeds().md, (i) => `\n## Section ${i}\n`),
  },
  {
    name: 'seed-html',
    group: 'seed',
    format: 'html',
    description: 'the seed HTML article body repeated under `<h2>섹션 i</h2>` (bench/pipeline.ts)',
    build: (b) => grow(b, seeds().html, (i) => `<h2>섹션 ${i}</h2>`),
  },

  // --- Markdown: emphasis
  md('md-emph-a_', '`a_` repeated: intraword underscores, no valid closer', (b) => fill(b, 'a_')),
  md('md-emph-a*', '`a*` repeated', (b) => fill(b, 'a*')),
  md('md-emph-**a', '`**a` repeated: strong openers, no closers', (b) => fill(b, '**a')),
  md('md-emph-_a', '`_a` repeated', (b) => fill(b, '_a')),
  md('md-emph-*a', '`*a` repeated', (b) => fill(b, '*a')),
  md('md-emph-a_sp', '`a_ ` repeated: closers without openers (cmark pathological)', (b) =>
    fill(b, 'a_ '),
  ),
  md('md-emph-_a_sp', '`_a ` repeated: openers without closers (cmark)', (b) => fill(b, '_a ')),
  md('md-emph-mixed', '`*a_ ` repeated: mismatched openers and closers (cmark)', (b) =>
    fill(b, '*a_ '),
  ),
  md('md-emph-mult3', '`a**b` + `c* `×n: rule-of-3 openers/closers (cmark)', (b) =>
    fill(b, 'c* ', { prefix: 'a**b' }),
  ),
  md('md-emph-nested', '`*a **a `×n b ` a** a*`×n: nested strong/emph (cmark)', (b) =>
    nest(b, { open: '*a **a ', close: ' a** a*', middle: 'b' }),
  ),
  md('md-emph-run', '`a` + `*`×n + `a`: one huge delimiter run', (b) =>
    fill(b, '*', { prefix: 'a', suffix: 'a' }),
  ),
  md('md-strike-~~a', '`~~a` repeated: strikethrough openers', (b) => fill(b, '~~a')),
  md('md-strike-a~', '`a~` repeated', (b) => fill(b, 'a~')),

  // --- Markdown: links, brackets
  md('md-bracket-[', '`[` repeated: link openers', (b) => fill(b, '[')),
  md('md-bracket-[a', '`[a` repeated (cmark)', (b) => fill(b, '[a')),
  md('md-bracket-a]', '`a]` repeated: link closers without openers (cmark)', (b) => fill(b, 'a]')),
  md('md-bracket-nested', '`[`×n a `]`×n', (b) => nest(b, { open: '[', close: ']', middle: 'a' })),
  md('md-link-[a](', '`[a](` repeated: link with no destination end', (b) => fill(b, '[a](')),
  md('md-link-[a](b', '`[a](b` repeated: unclosed link B (cmark)', (b) => fill(b, '[a](b')),
  md('md-link-[a](<b', '`[a](<b` repeated: unclosed link A (cmark)', (b) => fill(b, '[a](<b')),
  md('md-link-[(](', '`[ (](` repeated (cmark)', (b) => fill(b, '[ (](')),
  md('md-link-[a_', '`[ a_` repeated: link openers and emph closers (cmark)', (b) =>
    fill(b, '[ a_'),
  ),
  md(
    'md-link-parens',
    '`[a](` + `(`×n + `)`×n + `)`: nested parentheses in a destination',
    (b) => `[a](${nest(b - 5, { open: '(', close: ')', middle: 'b' })})`,
  ),
  md('md-link-title', '`[a](b "` repeated: unclosed titles', (b) => fill(b, '[a](b "')),
  md('md-image-![', '`![` repeated', (b) => fill(b, '![')),
  md('md-links-many', '`[a](/b) ` repeated: many valid links (elements)', (b) =>
    fill(b, '[a](/b) '),
  ),
  md('md-images-many', '`![a](/i.png) ` repeated: many valid images', (b) =>
    fill(b, '![a](/i.png) '),
  ),
  md('md-refdefs', '`[r<i>]: /u<i>` definitions, then nothing', (b) =>
    seq(b, (i) => `[r${i}]: /u${i}\n`),
  ),
  md(
    'md-refdefs-used',
    'half the bytes definitions, half `[r<i>] ` references',
    (b) => seq(b / 2, (i) => `[r${i}]: /u${i}\n`) + '\n' + seq(b / 2, (i) => `[r${i}] `),
  ),
  md('md-refs-undefined', '`[x][y] ` repeated: references to nothing', (b) => fill(b, '[x][y] ')),

  // --- Markdown: raw HTML and `<`
  md('md-lt-<', '`<` repeated', (b) => fill(b, '<')),
  md('md-lt-<a', '`<a` repeated: inline tag openers that never close', (b) => fill(b, '<a')),
  md('md-lt-<a_attr', '`<a b="` repeated: unclosed attribute values', (b) => fill(b, '<a b="')),
  md('md-lt-</', '`</` repeated', (b) => fill(b, '</')),
  md('md-lt-<!--', '`</` + `<!--`×n: unclosed comments (cmark)', (b) =>
    fill(b, '<!--', { prefix: '</' }),
  ),
  md('md-lt-<?', '`<?` repeated: processing instructions', (b) => fill(b, 'a <?')),
  md('md-lt-<![CDATA[', '`a <![CDATA[` repeated', (b) => fill(b, 'a <![CDATA[')),
  md('md-lt-autolink', '`<http://a` repeated: unclosed autolinks', (b) => fill(b, '<http://a ')),
  md('md-html-block-div', '`<div>` lines: HTML blocks', (b) => fill(b, '<div>\n')),

  // --- Markdown: code
  md('md-backticks-growing', '`e` + `` ` ``×i for i = 1…n (cmark)', (b) =>
    seq(b, (i) => 'e' + '`'.repeat(i + 1)),
  ),
  md('md-backticks-`a', '`` `a `` repeated: code span openers', (b) => fill(b, '`a')),
  md('md-backticks-run', 'a line of n backticks inside a paragraph', (b) =>
    fill(b, '`', { prefix: 'a ' }),
  ),
  md('md-fence-unclosed', '```` ``` ```` then `a` lines: unclosed fence', (b) =>
    fill(b, 'a\n', { prefix: '```\n' }),
  ),
  md('md-indented-code', '`    a` lines', (b) => fill(b, '    a\n')),

  // --- Markdown: blocks
  md('md-table-rows', 'a 2-column table with many rows', (b) =>
    fill(b, '| x | y |\n', { prefix: '| a | b |\n| - | - |\n' }),
  ),
  md('md-table-cols', 'a table with thousands of columns (header, delimiter, 3 rows)', (b) => {
    const n = Math.floor((b - 6) / 10)
    return (
      ['|a'.repeat(n), '|-'.repeat(n), '|x'.repeat(n), '|x'.repeat(n), '|x'.repeat(n)].join('|\n') +
      '|\n'
    )
  }),
  md('md-table-dashes', '`aaa\\n|-|\\n` + `-\\n`×n (cmark-gfm)', (b) =>
    fill(b, '-\n', { prefix: 'aaa\n|-|\n' }),
  ),
  md(
    'md-table-short-rows',
    'a 200-column header, then many 1-cell rows (padding to 200 cells each)',
    (b) => fill(b, 'x\n', { prefix: '|a'.repeat(200) + '|\n' + '|-'.repeat(200) + '|\n' }),
  ),
  md('md-list-items', '`- a` lines: many list items', (b) => fill(b, '- a\n')),
  md('md-list-ordered', '`1. a` lines', (b) => fill(b, '1. a\n')),
  md('md-list-loose', '`- a\\n\\n` lines: a loose list', (b) => fill(b, '- a\n\n')),
  md(
    'md-list-nested-indent',
    '` `×i + `* a` for i = 0…n: deeply nested lists (cmark; depth ≈ √(2·bytes))',
    (b) => seq(b, (i) => ' '.repeat(i) + '* a\n'),
  ),
  md('md-list-nested-compact', '`- `×n + `a`: nested lists on one line (depth = bytes/2)', (b) =>
    fill(b, '- ', { prefix: '', suffix: 'a' }),
  ),
  md('md-quote-nested', '`> `×n + `a`: nested blockquotes (depth = bytes/2)', (b) =>
    fill(b, '> ', { prefix: '', suffix: 'a' }),
  ),
  md('md-quote-nested-tight', '`>`×n + `a` (depth = bytes)', (b) =>
    fill(b, '>', { prefix: '', suffix: 'a' }),
  ),
  md('md-quote-lines', '`> a` lines: one long blockquote', (b) => fill(b, '> a\n')),
  md('md-quote-list-mix', '`> - `×n + `a`: alternating quotes and lists', (b) =>
    fill(b, '> - ', { prefix: '', suffix: 'a' }),
  ),
  md(
    'md-quote100-wide',
    '`> `×100 + `a`, then `*b*` lines (lazy continuation): 100 deep and wide',
    (b) => fill(b, '\n*b*', { prefix: '> '.repeat(100) + 'a' }),
  ),
  md('md-list100-wide', '`- `×100 + `a`, then `*b*` lines (lazy continuation)', (b) =>
    fill(b, '\n*b*', { prefix: '- '.repeat(100) + 'a' }),
  ),
  md(
    'md-quote29-lazy',
    '`> `×29 + `a`, then `b` lines (lazy continuation): as deep as the Markdown limit allows, 2 bytes a line',
    (b) => fill(b, '\nb', { prefix: '> '.repeat(29) + 'a' }),
  ),
  md(
    'md-quote8-lazy',
    '`> `×8 + `a`, then `b` lines (lazy continuation): as deep as the quote limit allows',
    (b) => fill(b, '\nb', { prefix: '> '.repeat(8) + 'a' }),
  ),
  md('md-quote29-lines', '`> `×29 + `b` lines: every line carries the 29 markers', (b) =>
    fill(b, '> '.repeat(29) + 'b\n'),
  ),
  md('md-list14-lazy', '`- `×14 + `a`, then `b` lines (lazy continuation)', (b) =>
    fill(b, '\nb', { prefix: '- '.repeat(14) + 'a' }),
  ),
  md('md-atx-headings', '`# a` lines: many ATX headings', (b) => fill(b, '# a\n')),
  md('md-atx-h2-distinct', '`## a<i>` lines: many distinct h2 (toc)', (b) =>
    seq(b, (i) => `## a${i}\n`),
  ),
  md('md-setext-headings', '`a\\n=\\n` repeated: many setext headings', (b) => fill(b, 'a\n=\n')),
  md('md-setext-long-para', '`a` lines then `=`: one paragraph turned setext heading', (b) =>
    fill(b, 'a\n', { prefix: '', suffix: '=\n' }),
  ),
  md('md-setext-dash-para', '`a` lines then `-`', (b) =>
    fill(b, 'a\n', { prefix: '', suffix: '-\n' }),
  ),
  md('md-hr', '`***` lines: thematic breaks', (b) => fill(b, '***\n')),
  md('md-paragraphs', '`a\\n\\n` repeated: many paragraphs', (b) => fill(b, 'a\n\n')),
  md('md-long-line', 'one line of `a`s without spaces', (b) => fill(b, 'a')),
  md('md-long-line-words', 'one line of `a ` words (one paragraph)', (b) => fill(b, 'a ')),
  md('md-long-line-cjk', 'one line of Hangul without spaces (3 bytes each)', (b) =>
    '가'.repeat(Math.floor(b / 3)),
  ),
  md('md-hard-breaks', '`a  \\n` lines: hard line breaks', (b) => fill(b, 'a  \n')),
  md('md-tabs-quote', '`>\\t` repeated + `a`: tabs in container prefixes', (b) =>
    fill(b, '>\t', { prefix: '', suffix: 'a' }),
  ),

  // --- Markdown: entities, escapes, autolinks
  md('md-entity-&amp;', '`&amp;` repeated', (b) => fill(b, '&amp;')),
  md('md-entity-numeric', '`&#123;` repeated', (b) => fill(b, '&#123;')),
  md('md-entity-&#', '`&#` repeated: entity starts that never finish', (b) => fill(b, '&#')),
  md('md-entity-&', '`&` repeated', (b) => fill(b, '&')),
  md('md-escapes', '`\\*` repeated', (b) => fill(b, '\\*')),
  md('md-autolink-www', '`www.a.b ` repeated: GFM www autolinks', (b) => fill(b, 'www.a.b ')),
  md('md-autolink-url', '`http://a.b ` repeated: GFM URL autolinks', (b) => fill(b, 'http://a.b ')),
  md('md-autolink-email', '`a@b.c ` repeated: GFM email autolinks', (b) => fill(b, 'a@b.c ')),
  md('md-autolink-dots', '`a.` repeated, then `@`: a long almost-email', (b) =>
    fill(b, 'a.', { prefix: '', suffix: '@' }),
  ),
  md('md-autolink-www-long', '`www.` + `a.`×n: a very long www domain', (b) =>
    fill(b, 'a.', { prefix: 'www.', suffix: 'b' }),
  ),
  md('md-autolink-www-underscores', '`www.` + `a_`×n', (b) =>
    fill(b, 'a_', { prefix: 'www.', suffix: 'b' }),
  ),
  md('md-task-list', '`- [ ] a` lines: task list items', (b) => fill(b, '- [ ] a\n')),
  md(
    'md-footnotes',
    '`[^a<i>]` references and definitions (GFM footnotes, where supported)',
    (b) => seq(b / 2, (i) => `x[^a${i}] `) + '\n\n' + seq(b / 2, (i) => `[^a${i}]: n\n`),
  ),

  // --- HTML bodies
  html('html-nest-b', '`<b>`×n x `</b>`×n', (b) => nest(b, { open: '<b>', close: '</b>' })),
  html('html-nest-b-open', '`<b>`×n x, never closed', (b) =>
    fill(b, '<b>', { prefix: '', suffix: 'x' }),
  ),
  html('html-nest-div', '`<div>`×n x `</div>`×n', (b) =>
    nest(b, { open: '<div>', close: '</div>' }),
  ),
  html('html-nest-div-open', '`<div>`×n x, never closed', (b) =>
    fill(b, '<div>', { prefix: '', suffix: 'x' }),
  ),
  html('html-nest-span-empty', '`<span>`×n `</span>`×n: empty, nested (cleanup)', (b) =>
    nest(b, { open: '<span>', close: '</span>', middle: '' }),
  ),
  html('html-nest-p-empty', '`<p><b>`×n: empty nested blocks (cleanup)', (b) =>
    fill(b, '<b><i>', { prefix: '<p>', suffix: '' }),
  ),
  html(
    'html-nest-quote-text',
    '(`<blockquote>` + `<b>a</b>`×20)×n: nested blocks with content',
    (b) => fill(b, '<blockquote>' + '<b>a</b>'.repeat(20)),
  ),
  html('html-nest-ul-li', '`<ul><li>`×n x', (b) =>
    fill(b, '<ul><li>', { prefix: '', suffix: 'x' }),
  ),
  html('html-nest-table', '`<table><tr><td>`×n x', (b) =>
    fill(b, '<table><tr><td>', { prefix: '', suffix: 'x' }),
  ),
  html('html-nest-svg', '`<svg>`×n: nested dropped elements', (b) =>
    fill(b, '<svg>', { prefix: '', suffix: 'x' }),
  ),
  html('html-misnest', '`<b><i>`×n then `</b></i>`×n: misnested inline', (b) =>
    nest(b, { open: '<b><i>', close: '</b></i>' }),
  ),
  html(
    'html-deep100-wide',
    '`<div>`×100, then `<b>a</b>` repeated inside: as deep as a limit of 100 allows, and wide',
    (b) => fill(b, '<b>a</b>', { prefix: '<div>'.repeat(100) }),
  ),
  html(
    'html-deep100-wide-blank',
    '`<div>`×100, then `<b> </b>` repeated inside: all removed by cleanup',
    (b) => fill(b, '<b> </b>', { prefix: '<div>'.repeat(100) }),
  ),
  html(
    'html-span-wide',
    'one bare `<span>` holding `<b>a</b>`×n: cleanup unwraps it with replaceWith(...children)',
    (b) => fill(b, '<b>a</b>', { prefix: '<span>', suffix: '</span>' }),
  ),
  html(
    'html-unknown-wide',
    'one `<font>` (not allowed) holding `<b>a</b>`×n: sanitize unwraps it with replaceWith(...children)',
    (b) => fill(b, '<b>a</b>', { prefix: '<font>', suffix: '</font>' }),
  ),
  html(
    'html-h1-wide',
    'one `<h1>` holding `<b>a</b>`×n: outline rebuilds it with append(...children)',
    (b) => fill(b, '<b>a</b>', { prefix: '<h1>', suffix: '</h1>' }),
  ),
  html('html-p-wide', 'one `<p>` holding `<b>a</b>`×n', (b) =>
    fill(b, '<b>a</b>', { prefix: '<p>', suffix: '</p>' }),
  ),
  html(
    'html-close-unmatched',
    '`<b>`×50 then `</i>` repeated: end tags that match nothing open',
    (b) => fill(b, '</i>', { prefix: '<b>'.repeat(50) }),
  ),
  html(
    'html-close-unmatched-deep',
    '`<b>`×n/2 then `</i>`×n/2',
    (b) => '<b>'.repeat(Math.floor(b / 7)) + '</i>'.repeat(Math.floor(b / 7)),
  ),
  html('html-siblings-p', '`<p>a</p>` repeated', (b) => fill(b, '<p>a</p>')),
  html('html-siblings-br', '`<br>` repeated', (b) => fill(b, '<br>')),
  html('html-siblings-span', '`<span>a</span>` repeated (unwrapped by cleanup)', (b) =>
    fill(b, '<span>a</span>'),
  ),
  html('html-siblings-b', '`<b>a</b>` repeated', (b) => fill(b, '<b>a</b>')),
  html('html-empty-p', '`<p></p>` repeated (removed by cleanup)', (b) => fill(b, '<p></p>')),
  html('html-p-open', '`<p>a` repeated: implicitly closed paragraphs', (b) => fill(b, '<p>a')),
  html('html-li-open', '`<li>a` repeated', (b) => fill(b, '<li>a', { prefix: '<ul>' })),
  html('html-td-open', '`<td>a` repeated in one row', (b) =>
    fill(b, '<td>a', { prefix: '<table><tr>' }),
  ),
  html('html-table-cells', '`<td>a</td>` repeated in one table row', (b) =>
    fill(b, '<td>a</td>', { prefix: '<table><tr>', suffix: '</tr></table>' }),
  ),
  html('html-headings-h2', '`<h2>a</h2>` repeated', (b) => fill(b, '<h2>a</h2>')),
  html('html-headings-h1', '`<h1>a</h1>` repeated: every heading shifted (rebuilt)', (b) =>
    fill(b, '<h1>a</h1>'),
  ),
  html('html-links', '`<a href="/x">a</a>` repeated', (b) => fill(b, '<a href="/x">a</a>')),
  html('html-links-external', '`<a href="https://e.example/x">a</a>` repeated', (b) =>
    fill(b, '<a href="https://e.example/x">a</a>'),
  ),
  html('html-images', '`<img src="/a.png">` repeated', (b) => fill(b, '<img src="/a.png">')),
  html('html-attrs-one', 'one `<p>` with thousands of distinct attributes', (b) =>
    seq(b, (i) => ` a${i}="x"`, { prefix: '<p', suffix: '>x</p>' }),
  ),
  html(
    'html-attrs-allowed',
    'one `<p>` with thousands of distinct `data-`/allowed-looking attributes + title',
    (b) =>
      seq(b, (i) => ` title${i}="x" lang${i}="y"`, {
        prefix: '<p title="t" lang="ko"',
        suffix: '>x</p>',
      }),
  ),
  html('html-attrs-each', '`<p>` elements with 50 attributes each', (b) =>
    fill(b, '<p ' + Array.from({ length: 50 }, (_, i) => `a${i}=x`).join(' ') + '>a</p>'),
  ),
  html('html-attrs-dup', 'one `<p>` with the same `title` attribute thousands of times', (b) =>
    fill(b, ' title="x"', { prefix: '<p', suffix: '>x</p>' }),
  ),
  html('html-attr-huge-title', 'one `title` attribute of n bytes', (b) =>
    fill(b, 'a', { prefix: '<p title="', suffix: '">x</p>' }),
  ),
  html('html-attr-huge-style', 'one `style` of n bytes: `color:red;` repeated', (b) =>
    fill(b, 'color:red;', { prefix: '<p style="', suffix: '">x</p>' }),
  ),
  html('html-attr-huge-style-rgb', 'one `style="color:rgb(` + digits, unclosed', (b) =>
    fill(b, '1,', { prefix: '<p style="color:rgb(', suffix: '">x</p>' }),
  ),
  html('html-attr-huge-href', 'one `href` of n bytes', (b) =>
    fill(b, 'a', { prefix: '<a href="https://e.example/', suffix: '">x</a>' }),
  ),
  html('html-attr-huge-srcset', 'one `srcset` with thousands of candidates', (b) =>
    fill(b, '/a.png 1x, ', { prefix: '<img src="/a.png" srcset="', suffix: '/a.png 2x">' }),
  ),
  html('html-attr-huge-data-img', 'one `data:image/png;base64,` src of n bytes', (b) =>
    fill(b, 'AAAA', { prefix: '<img src="data:image/png;base64,', suffix: '">' }),
  ),
  html('html-attr-unclosed', '`<p title="` + n bytes: an attribute value that never ends', (b) =>
    fill(b, 'a', { prefix: '<p title="' }),
  ),
  html('html-tag-unclosed', '`<a href=x ` repeated: one tag that never ends', (b) =>
    fill(b, ' href=x', { prefix: '<a' }),
  ),
  html('html-lt', '`<` repeated', (b) => fill(b, '<')),
  html('html-comments', '`<!-- a -->` repeated', (b) => fill(b, '<!-- a -->')),
  html('html-comment-unclosed', '`<!--` + text: one comment that never ends', (b) =>
    fill(b, 'a', { prefix: '<!--' }),
  ),
  html('html-comment-starts', '`<!--` repeated', (b) => fill(b, '<!--')),
  html('html-entities', '`&amp;` repeated', (b) => fill(b, '&amp;')),
  html('html-entities-numeric', '`&#x41;` repeated', (b) => fill(b, '&#x41;')),
  html('html-script', '`<script>a</script>` repeated (dropped with content)', (b) =>
    fill(b, '<script>a</script>'),
  ),
  html('html-text-long', 'one text node of n bytes, no spaces, in a `<p>`', (b) =>
    fill(b, 'a', { prefix: '<p>', suffix: '</p>' }),
  ),
  html(
    'html-text-long-cjk',
    'one `<p>` of Hangul, no spaces: description/segmenter cost',
    (b) => '<p>' + '가'.repeat(Math.floor((b - 8) / 3)) + '</p>',
  ),

  // --- YAML front matter (the body is one line)
  yaml('yaml-keys', '`k<i>: v` lines: many top-level keys', (b) =>
    seq(b, (i) => `k${i}: v\n`, { prefix: 'title: x\n' }),
  ),
  yaml('yaml-keys-dup', 'many keys, the last one a duplicate of the first', (b) =>
    seq(b - 10, (i) => `k${i}: v\n`, { prefix: 'title: x\n', suffix: 'k0: dup\n' }),
  ),
  yaml('yaml-keys-nested', '`extra:` with many keys under it', (b) =>
    seq(b, (i) => `  k${i}: v\n`, { prefix: 'title: x\nextra:\n' }),
  ),
  yaml('yaml-keys-flow', '`extra: {k<i>: v, …}`: many keys in a flow map', (b) =>
    seq(b, (i) => `k${i}: v, `, { prefix: 'title: x\nextra: {', suffix: '}' }),
  ),
  yaml(
    'yaml-deep-block-seq',
    '`x: - - - … a`: compact nested block sequences (depth = bytes/2)',
    (b) => fill(b, '- ', { prefix: 'title: x\nx:\n  ', suffix: 'a' }),
  ),
  yaml(
    'yaml-deep-flow-seq',
    '`x: [[[…]]]`',
    (b) => 'title: x\nx: ' + nest(b - 12, { open: '[', close: ']', middle: 'a' }),
  ),
  yaml(
    'yaml-deep-flow-map',
    '`x: {a: {a: …}}`',
    (b) => 'title: x\nx: ' + nest(b - 12, { open: '{a: ', close: '}', middle: 'b' }),
  ),
  yaml('yaml-deep-indent', 'nested block maps, one level per line (bytes ≈ depth²)', (b) =>
    seq(b, (i) => ' '.repeat(i) + 'a:\n', { prefix: 'title: x\nx:\n', suffix: ' ' }),
  ),
  yaml('yaml-long-plain', '`extra:` + one plain scalar of n bytes', (b) =>
    fill(b, 'a', { prefix: 'title: x\nextra: ' }),
  ),
  yaml('yaml-long-title', '`title:` of n bytes of words', (b) =>
    fill(b, 'a ', { prefix: 'title: ', suffix: 'b' }),
  ),
  yaml('yaml-long-block', '`extra: |` with many lines', (b) =>
    fill(b, '  a\n', { prefix: 'title: x\nextra: |\n' }),
  ),
  yaml('yaml-long-folded', '`extra: >` with many lines', (b) =>
    fill(b, '  a\n', { prefix: 'title: x\nextra: >\n' }),
  ),
  yaml('yaml-long-escapes', '`extra: "\\u0041…"`: a double-quoted string of escapes', (b) =>
    fill(b, '\\u0041', { prefix: 'title: x\nextra: "', suffix: '"' }),
  ),
  yaml('yaml-tags-flow', '`tags: [a, a, …]`: many flow items', (b) =>
    fill(b, 'a, ', { prefix: 'title: x\ntags: [', suffix: 'a]' }),
  ),
  yaml('yaml-tags-block', '`tags:` with many `- a` items', (b) =>
    fill(b, '  - a\n', { prefix: 'title: x\ntags:\n' }),
  ),
  yaml('yaml-tags-distinct', '`tags:` with many distinct items (meta tags, keywords)', (b) =>
    seq(b, (i) => `  - t${i}\n`, { prefix: 'title: x\ntags:\n' }),
  ),
  yaml('yaml-alias-one', 'one anchor, aliased n times (maxAliasCount refuses at 100)', (b) =>
    fill(b, ' *a,', { prefix: 'title: x\na: &a x\nextra: [', suffix: ' *a]' }),
  ),
  yaml('yaml-alias-distinct', 'n distinct anchors, each aliased once: `- &a<i> x` `- *a<i>`', (b) =>
    seq(b, (i) => `  - &a${i} x\n  - *a${i}\n`, { prefix: 'title: x\nextra:\n' }),
  ),
  yaml('yaml-alias-bomb', 'billion laughs: 9 levels of 9 aliases each', () => {
    const lines = ['title: x', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let i = 1; i <= 9; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      )
    return lines.join('\n')
  }),
  yaml(
    'yaml-alias-expand',
    'an anchored string of ~bytes, aliased 99 times (under maxAliasCount: ~100× expansion)',
    (b) => {
      const big = 'a'.repeat(Math.max(1, b - 460))
      return `title: x\nbig: &b ${big}\nextra: [${Array(99).fill('*b').join(', ')}]`
    },
  ),
  yaml('yaml-alias-expand-list', 'an anchored list of ~bytes/3 items, aliased 99 times', (b) => {
    const n = Math.max(1, Math.floor((b - 460) / 3))
    return `title: x\nbig: &b [${Array(n).fill('a').join(', ')}]\nextra: [${Array(99).fill('*b').join(', ')}]`
  }),
  yaml(
    'yaml-alias-recursive',
    '`extra: &a [*a]`: a cycle (JSON.stringify throws)',
    () => 'title: x\nextra: &a [*a]',
  ),
  yaml('yaml-comments', '`# c` lines', (b) => fill(b, '# c\n', { prefix: 'title: x\n' })),
  yaml('yaml-unknown-tags', '`k<i>: !foo v`: unknown tags (warnings)', (b) =>
    seq(b, (i) => `k${i}: !foo v\n`, { prefix: 'title: x\n' }),
  ),
  yaml('yaml-complex-keys', '`? ` explicit keys nested on one line', (b) =>
    fill(b, '? ', { prefix: 'title: x\nx:\n  ', suffix: 'a' }),
  ),
  yaml('yaml-errors', '`k: v: w` lines: many errors', (b) =>
    fill(b, 'k: v: w\n', { prefix: 'title: x\n' }),
  ),
]

export const KIND = new Map(KINDS.map((k) => [k.name, k]))

/** The full source text of about `bytes` bytes for `kind`. */
export function generate(kind: string, bytes: number): string {
  const k = KIND.get(kind)
  if (!k) throw new Error(`unknown kind ${kind}; one of ${KINDS.map((x) => x.name).join(', ')}`)
  if (k.name === 'seed-html')
    return seeds().htmlFront + k.build(bytes - utf8Length(seeds().htmlFront))
  if (k.group === 'yaml') return k.build(bytes)
  return FRONT + k.build(bytes - FRONT.length)
}

export const formatOfKind = (kind: string): Format => KIND.get(kind)!.format

// `tsx generate.ts KIND BYTES` prints a source; `tsx generate.ts --list` the catalogue.
if (/generate\.ts$/.test(process.argv[1] ?? '')) {
  const [kind, bytes] = process.argv.slice(2)
  if (!kind || kind === '--list')
    for (const k of KINDS)
      console.log(`${k.name.padEnd(28)} ${k.format.padEnd(5)} ${k.description}`)
  else process.stdout.write(generate(kind, Number(bytes ?? 50_000)))
}

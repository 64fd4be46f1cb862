/**
 * What a source may contain, so that every source the push accepts renders at read time, in time
 * linear in its size and in the memory a Worker has (128 MB). Each limit is far above what a real
 * article uses and is enforced with a reason, the file and, where there is one, the line. The numbers
 * behind them: bench/hostile.ts (npm run bench -- hostile), and the README's Security section.
 */
export const LIMITS = {
  /** The YAML between the `---` lines, as written. */
  frontMatterBytes: 64 * 1024,
  /** Aliases (`*name`) in the front matter: yaml resolves each one by scanning all before it. */
  frontMatterAliases: 100,
  /** The front matter as JSON would write it, aliases expanded (a 64 KB alias bomb can be gigabytes). */
  frontMatterExpandedBytes: 256 * 1024,
  /** Block quotes inside one another in Markdown: each line under them costs O(depth). */
  markdownQuoteDepth: 8,
  /** Markdown token nesting (markdown-it's maxNesting is two more): quotes and lists inside one another. */
  markdownNesting: 30,
  /** Elements open inside one another in the body's DOM. */
  maxDepth: 100,
  /**
   * Elements in the body after Markdown. A dense real article has about 15 per KB (25,000 for the
   * largest source allowed); the DOM of 100,000 stays well inside a Worker's memory.
   */
  maxElements: 100_000,
  /** Elements and text pieces: the parser makes a separate text node for every entity (`a&amp;b` is three). */
  maxNodes: 400_000,
  /** Attributes on one element, and the characters of one attribute value (a data: image can be big). */
  maxAttributesPerElement: 64,
  maxAttributeBytes: 500_000,
  /**
   * What an article may grow to once rendered (its HTML, text and outline as JSON), against its
   * source: entities and Markdown expand (`&` → `&amp;`, `|a|` → `<td>a</td>`), and no page or JSON
   * response may be much bigger than what was published.
   */
  outputRatio: 4,
  outputAllowance: 64 * 1024,
} as const

/**
 * Text as the search index stores it, and a reader's query as an FTS5 expression.
 *
 * SQLite's `unicode61` tokenizer splits on spaces and punctuation, which suits English, but a Korean
 * word carries its particles (`협정에`, `협정을`) and Japanese has no spaces at all, so a whole CJK run
 * would be one token and `협정` would find nothing. Every CJK run is therefore stored as overlapping
 * two-character pieces (`협정에` → `협정 정에`, `東京都` → `東京 京都`), and a query is cut the same way
 * into a phrase: `협정` finds `협정에`, `東京` finds `東京都`, `협정에` must match in order. (FTS5's
 * trigram tokenizer cannot do this: it ignores terms shorter than three characters, and most Korean
 * words are two.) A one-character query matches the pieces that start with it.
 */

/** Hangul, Han, kana, and the marks that belong to them (`々`, `ー`). */
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc]/u
/** What unicode61 keeps as parts of tokens. */
const WORD = /[\p{L}\p{N}\p{M}]/u

/** The runs of letters and digits in a text, each marked CJK or not. */
function runs(text: string): { text: string; cjk: boolean }[] {
  const found: { text: string; cjk: boolean }[] = []
  let current = ''
  let cjk = false
  const flush = () => {
    if (current) found.push({ text: current, cjk })
    current = ''
  }
  for (const char of text.normalize('NFKC').toLowerCase()) {
    if (!WORD.test(char)) {
      flush()
      continue
    }
    const isCjk = CJK.test(char)
    if (current && isCjk !== cjk) flush()
    cjk = isCjk
    current += char
  }
  flush()
  return found
}

function bigrams(run: string): string[] {
  const chars = Array.from(run)
  if (chars.length < 2) return chars
  return chars.slice(1).map((char, i) => chars[i]! + char)
}

/** The text as the index stores it. */
export function searchText(text: string): string {
  return runs(text)
    .map((run) => (run.cjk ? bigrams(run.text).join(' ') : run.text))
    .join(' ')
}

/** The language column's one token, so a search stays within one language. */
export const languageToken = (lang: string) => `lang${lang.toLowerCase().replace(/[^a-z0-9]/g, '')}`

/** How much of a query is read: enough for any real search, bounded for the database. */
export const QUERY_LIMITS = { characters: 100, terms: 8 }

/**
 * A reader's words as an FTS5 expression: each word one quoted phrase (so nothing typed is ever FTS
 * syntax: `AND`, `NEAR`, `*`, `"`, `-`, `:` are just text), all words required. `undefined` when
 * nothing searchable is left.
 */
export function searchQuery(input: string, lang: string): string | undefined {
  const words = input
    .slice(0, QUERY_LIMITS.characters)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, QUERY_LIMITS.terms)
  const phrases: string[] = []
  for (const word of words) {
    const tokens = runs(word).flatMap((run) => (run.cjk ? bigrams(run.text) : [run.text]))
    if (tokens.length === 0) continue
    const single =
      tokens.length === 1 && Array.from(tokens[0]!).length === 1 && CJK.test(tokens[0]!)
    // Tokens hold only letters and digits, so quoting needs no escaping.
    phrases.push(single ? `"${tokens[0]}"*` : `"${tokens.join(' ')}"`)
  }
  if (phrases.length === 0) return undefined
  return `lang : "${languageToken(lang)}" AND ${phrases.join(' AND ')}`
}

/**
 * Linear replacements for yaml's quadratic `uniqueKeys: true`, and a bound on what aliases expand to.
 * Parse with `uniqueKeys: false`, then call checkDuplicateKeys(doc); after toJS, expandedSize(data, cap).
 */
import { isAlias, isCollection, isMap, isPair, isScalar, type Document, type Node } from 'yaml'

export interface DuplicateKey {
  key: string
  /** Offset of the second occurrence in the YAML text (give it to LineCounter.linePos). */
  offset: number
}

/**
 * The first key that repeats in any map of the document, in document order; `undefined` if none.
 * One Set per map, so O(keys). Keys are compared as toJS would: by String(value) (so `1:` and
 * `"1":`, which would silently overwrite each other in the JS object, also count). A complex
 * (collection or alias) key is reported too: front matter has no use for one.
 * Iterative (explicit stack): any nesting depth the YAML parser accepted is fine.
 */
export function checkDuplicateKeys(doc: Document): DuplicateKey | undefined {
  return checkYaml(doc, Infinity).duplicate
}

/**
 * checkDuplicateKeys, and the number of aliases (`*name`) in the document, counting stops past
 * `maxAliases`. yaml resolves each alias by scanning every anchor and alias before it, so n
 * aliases cost O(n²) in toJS (60 KB of `- &aN x` / `- *aN` takes ~1 s): bound them first.
 */
export function checkYaml(
  doc: Document,
  maxAliases: number,
): { duplicate?: DuplicateKey; aliases: number; aliasOffset?: number } {
  let aliases = 0
  const stack: unknown[] = [doc.contents]
  while (stack.length) {
    const node = stack.pop()
    if (isAlias(node) && ++aliases > maxAliases)
      return { aliases, aliasOffset: node.range?.[0] ?? 0 }
    if (!isCollection(node)) continue
    const items = node.items as unknown[]
    if (isMap(node)) {
      const seen = new Set<string>()
      for (const pair of node.items) {
        const key = pair.key as Node | null
        if (key !== null && !isScalar(key))
          return {
            aliases,
            duplicate: {
              key: isAlias(key) ? `*${key.source}` : '(complex key)',
              offset: key.range?.[0] ?? 0,
            },
          }
        const name = key === null ? '' : String(key.value)
        if (seen.has(name))
          return { aliases, duplicate: { key: name, offset: key?.range?.[0] ?? 0 } }
        seen.add(name)
      }
    }
    // Push children in reverse so the first duplicate in document order is found first.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]
      if (isPair(item)) {
        stack.push(item.value)
        if (isCollection(item.key)) stack.push(item.key)
      } else stack.push(item)
    }
  }
  return { aliases }
}

/**
 * About how many bytes JSON.stringify(value) would produce, counting every alias expansion (toJS
 * shares one object per anchor, JSON output does not); stops counting at `cap` and returns a
 * number > cap. Cycles (`&a [*a]`) count as infinite. Iterative, O(min(size, cap)).
 */
export function expandedSize(value: unknown, cap: number): number {
  let size = 0
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') size += v.length + 2
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined)
      size += 5
    else if (v instanceof Date) size += 26
    else if (Array.isArray(v)) {
      size += 2 + v.length
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
    } else if (typeof v === 'object') {
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v)
      size += 2
      for (const [k, x] of entries) {
        size += String(k).length + 4
        stack.push(x)
      }
    }
    if (size > cap) return size
  }
  return size
}

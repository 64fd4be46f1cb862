import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml'
import { explainYamlError } from './yaml-errors'
import type * as z from 'zod'
import { AppError } from '../errors'
import { LIMITS } from './limits'
import { checkYaml, expandedSize } from './yaml-guard'
import { FrontMatter } from '../schema/article'

export interface SplitSource {
  /** The YAML between the `---` lines. */
  yaml: string
  body: string
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number
  /** 1-based line of the first body line in the file. */
  bodyLine: number
}

/** Splits `---\n yaml \n---\n body`. A file must open with front matter, as in Jekyll. */
export function splitFrontMatter(text: string, file: string): SplitSource {
  const open = /^---[ \t]*\n/.exec(text)
  if (!open) {
    throw new AppError(
      'SOURCE_INVALID',
      'the file must start with a `---` line opening the YAML front matter',
      {
        file,
        line: 1,
      },
    )
  }
  const rest = text.slice(open[0].length)
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest)
  if (!close) {
    throw new AppError('SOURCE_INVALID', 'the front matter has no closing `---` line', {
      file,
      line: 1,
    })
  }
  const yaml = rest.slice(0, close.index)
  const after = rest.slice(close.index + close[0].length)
  return {
    yaml,
    body: after.replace(/^\n/, ''),
    yamlLine: 2,
    // The closing line is line 2 + the YAML's lines; the body starts on the next.
    bodyLine: 2 + countNewlines(yaml) + 1,
  }
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Parses and validates front matter; errors name the key and the file line. */
export function parseFrontMatter(source: SplitSource, file: string): FrontMatter {
  if (source.yaml.length > LIMITS.frontMatterBytes) {
    throw new AppError(
      'SOURCE_INVALID',
      `the front matter is ${source.yaml.length} characters; the limit is ${LIMITS.frontMatterBytes}`,
      { file, line: source.yamlLine },
    )
  }
  const { data, doc, lineAt } = readYamlMap(source.yaml, {
    file,
    firstLine: source.yamlLine,
    what: 'the front matter',
  })

  const control = findControl(data, [])
  if (control) {
    const offset = keyOffset(doc, control.path)
    throw new AppError(
      'SOURCE_INVALID',
      `contains the control character U+${control.code.toString(16).toUpperCase().padStart(4, '0')}; remove it (only tab and newline are allowed in a value)`,
      {
        file,
        key: control.path.map(String).join('.') || undefined,
        line: offset === undefined ? source.yamlLine : lineAt(offset),
      },
    )
  }

  const result = FrontMatter.safeParse(data, { reportInput: true })
  if (result.success) return result.data
  const issue = closestIssue(result.error.issues[0]!)
  const path = issue.path.map(String)
  const offset = keyOffset(doc, issue.path as (string | number)[])
  const line = offset === undefined ? source.yamlLine - 1 : lineAt(offset)
  const missing = issue.code === 'invalid_type' && issue.input === undefined
  const message = missing ? 'this key is required' : `${issue.message}${describe(issue.input)}`
  throw new AppError('SOURCE_INVALID', message, {
    file,
    key: path.join('.') || undefined,
    line,
  })
}

/**
 * A YAML map read for its data, with the guards every file a publisher writes needs: syntax errors
 * placed where the author has to look, duplicate keys, aliases and what they expand to, a map at the
 * top. Front matter and author profiles both read theirs here. `columns: false` places errors by
 * line alone.
 */
export function readYamlMap(
  yaml: string,
  options: { file: string; firstLine: number; what: string; columns?: boolean },
): { data: Record<string, unknown>; doc: Document; lineAt: (offset: number) => number } {
  const { file, firstLine, what } = options
  const lineCounter = new LineCounter()
  const doc = parseDocument(yaml, {
    lineCounter,
    schema: 'core', // YAML 1.2: `no` stays a string, dates stay strings until we parse them with a zone
    // yaml's own check compares every key with every other (quadratic: 40,000 keys take 30 s);
    // checkYaml below does the same in one pass.
    uniqueKeys: false,
    prettyErrors: false,
  })
  const lineAt = (offset: number) => firstLine - 1 + lineCounter.linePos(offset).line
  const at = (offset: number) =>
    options.columns === false
      ? { line: lineAt(offset) }
      : { line: lineAt(offset), column: lineCounter.linePos(offset).col }

  const yamlError = doc.errors[0]
  if (yamlError) {
    const syntax = explainYamlError(doc, yamlError)
    throw new AppError('SOURCE_INVALID', syntax.message, { file, ...at(syntax.offset) })
  }

  const { duplicate, aliases, aliasOffset } = checkYaml(doc, LIMITS.frontMatterAliases)
  if (aliases > LIMITS.frontMatterAliases) {
    throw new AppError(
      'SOURCE_INVALID',
      `${what} uses more than ${LIMITS.frontMatterAliases} aliases (*name)`,
      { file, line: lineAt(aliasOffset ?? 0) },
    )
  }
  if (duplicate) {
    throw new AppError(
      'SOURCE_INVALID',
      `invalid YAML: Map keys must be unique; ${JSON.stringify(duplicate.key)} appears twice in the same map`,
      { file, ...at(duplicate.offset) },
    )
  }

  let data: unknown
  try {
    // Alias bombs: yaml refuses documents whose aliases expand past this count…
    data = doc.toJS({ maxAliasCount: LIMITS.frontMatterAliases }) ?? {}
  } catch (cause) {
    throw new AppError(
      'SOURCE_INVALID',
      `invalid YAML: ${(cause as Error).message}`,
      { file },
      { cause },
    )
  }
  // …but 100 aliases of a 60 KB anchor still write 6 MB of JSON, and `&a [*a]` is a cycle.
  if (expandedSize(data, LIMITS.frontMatterExpandedBytes) > LIMITS.frontMatterExpandedBytes) {
    throw new AppError(
      'SOURCE_INVALID',
      `${what} expands to more than ${LIMITS.frontMatterExpandedBytes} characters once its aliases (*name) are resolved`,
      { file, line: firstLine },
    )
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('SOURCE_INVALID', `${what} must be a map of \`key: value\` lines`, {
      file,
      line: firstLine,
    })
  }
  return { data: data as Record<string, unknown>, doc, lineAt }
}

/**
 * C0 controls other than tab and newline (and DEL). A double-quoted YAML string can spell any of
 * them (`"\0"`, `"\e"`) although the file's bytes hold none; no field needs one, and in a page they
 * are at best invisible and at worst a way to confuse whatever processes the output.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/

/** The first key path whose key or string value holds a control character, and that character. */
function findControl(
  value: unknown,
  path: (string | number)[],
): { path: (string | number)[]; code: number } | undefined {
  if (typeof value === 'string') {
    const hit = CONTROL.exec(value)
    return hit ? { path, code: hit[0].charCodeAt(0) } : undefined
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControl(item, [...path, i])
      if (found) return found
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const inKey = CONTROL.exec(key)
      if (inKey) return { path: [...path, key], code: inKey[0].charCodeAt(0) }
      const found = findControl(item, [...path, key])
      if (found) return found
    }
  }
  return undefined
}

/** Where a key path starts in the YAML: the key itself (`title:`), not its value on the next line. */
function keyOffset(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents
  const last = path.at(-1)
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last)
    if (isNode(pair?.key) && pair.key.range) return pair.key.range[0]
  }
  const node = doc.getIn(path, true)
  return isNode(node) && node.range ? node.range[0] : undefined
}

/**
 * A union (`image: URL | {url, width…}`) fails as a whole; the useful message is the one from the
 * branch the author was writing: the branch whose problem lies deepest in the value.
 */
export function closestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue
  const branches = issue.errors.map((branch) =>
    branch.map((inner) => closestIssue({ ...inner, path: [...issue.path, ...inner.path] })),
  )
  const best = branches
    .map((branch) => branch[0]!)
    .filter(Boolean)
    .sort((a, b) => b.path.length - a.path.length)[0]
  return best && best.path.length > issue.path.length ? best : issue
}

function describe(value: unknown): string {
  if (value === undefined) return ''
  const shown = JSON.stringify(value)
  return `, got ${shown && shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`
}

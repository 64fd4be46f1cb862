/**
 * content/authors/<id>.yml → a validated profile. Pure, shared by content:check, content:push,
 * npm start's live saves and the Worker (which validates what it reads back). A mistake names the
 * file, the line and the key.
 */
import { AppError } from '../errors'
import { closestIssue, readYamlMap } from '../parse/front-matter'
import { AUTHOR_ID } from '../schema/article'
import { AuthorProfile } from '../schema/author'

/** Profiles are a few lines; anything this big is not one. */
const MAX_PROFILE_BYTES = 64 * 1024

/** The id a profile file gives: its name without `.yml`. */
export function profileId(file: string): string {
  const name = file
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/, '')
  if (!AUTHOR_ID.test(name))
    throw new AppError(
      'SOURCE_INVALID',
      'the file name is the profile id: lower-case letters, digits and dashes, like kim-minji.yml',
      { file },
    )
  return name
}

export function parseProfile(text: string, file: string): AuthorProfile & { id: string } {
  const id = profileId(file)
  if (text.length > MAX_PROFILE_BYTES)
    throw new AppError(
      'SOURCE_INVALID',
      `a profile may be at most ${MAX_PROFILE_BYTES} characters`,
      {
        file,
      },
    )
  // Line alone: a profile's mistakes are named by file, line and key.
  const { data, doc, lineAt } = readYamlMap(text, {
    file,
    firstLine: 1,
    what: 'a profile',
    columns: false,
  })
  const result = AuthorProfile.safeParse(data, { reportInput: true })
  if (result.success) return { id, ...result.data }
  const issue = closestIssue(result.error.issues[0]!)
  const path = issue.path.map(String)
  const missing =
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined
  const message = missing
    ? 'this key is required'
    : issue.code === 'unrecognized_keys'
      ? `unknown key ${issue.keys.join(', ')}: a profile has name, title, bio, photo, email and sameAs`
      : issue.message
  return fail(message, path, issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined)

  function fail(message: string, path: string[], unknownKey?: string): never {
    const at = unknownKey === undefined ? path : [...path, unknownKey]
    throw new AppError('SOURCE_INVALID', message, {
      file,
      key: at.join('.') || undefined,
      line: lineOf(at) ?? 1,
    })
  }

  function lineOf(path: string[]): number | undefined {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1), true) : doc.contents
      const pair = (
        parent as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null
      )?.items?.find((item) => String(item.key?.value) === path[depth - 1])
      if (pair?.key?.range) return lineAt(pair.key.range[0]!)
      const node = doc.getIn(path.slice(0, depth), true) as { range?: number[] } | undefined
      if (node?.range) return lineAt(node.range[0]!)
    }
    return undefined
  }
}

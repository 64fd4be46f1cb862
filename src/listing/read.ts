import type { SourceStore } from '../source/store'
import { ArticleError } from '../errors'
import { indexKey, LanguageIndex } from '../schema/listing'

/** A language's index from storage; an empty one when no push has written it yet. */
export async function readIndex(
  store: SourceStore,
  lang: string,
): Promise<{ index: LanguageIndex; etag: string }> {
  const file = await store.get(indexKey(lang))
  if (!file) return { index: { version: 1, lang, articles: [] }, etag: 'empty' }
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(file.bytes))
  } catch (cause) {
    throw new ArticleError(
      'SOURCE_INVALID',
      'the article index is not valid JSON; run content:push again',
      { file: indexKey(lang) },
      { cause },
    )
  }
  const result = LanguageIndex.safeParse(parsed)
  if (!result.success)
    throw new ArticleError(
      'SOURCE_INVALID',
      'the article index has an unexpected shape; run content:push again',
      { file: indexKey(lang) },
    )
  return { index: result.data, etag: file.etag }
}
